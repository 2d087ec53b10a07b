/** Entry: mounts the app. Pages load lazily; the editor only on document pages. */
import { render } from 'solid-js/web'
import { App } from './app.tsx'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './styles/layout.css'

render(() => <App />, document.getElementById('root')!)
