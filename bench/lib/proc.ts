/** Child processes of the bench (servers and clients), run through tsx, with request/reply over IPC. */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const benchDir = path.resolve(here, '..')

export class Child {
  private nextId = 1
  private readonly waiting = new Map<number, (msg: Record<string, unknown>) => void>()
  ready: Promise<Record<string, unknown>>
  readonly proc: ChildProcess

  constructor(file: string, env: Record<string, string> = {}, execArgv: string[] = []) {
    this.proc = fork(path.join(benchDir, file), [], {
      execArgv: ['--import', 'tsx', '--expose-gc', ...execArgv],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file} did not start within 180 s`)), 180_000)
      this.proc.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)))
      this.proc.on('message', (msg: Record<string, unknown>) => {
        if (msg.ready) {
          clearTimeout(timer)
          resolve(msg)
        } else if (typeof msg.id === 'number') {
          this.waiting.get(msg.id)?.(msg)
          this.waiting.delete(msg.id)
        }
      })
    })
  }

  get pid(): number {
    return this.proc.pid ?? -1
  }

  call<T = Record<string, unknown>>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error(`${cmd} timed out`))
      }, timeoutMs)
      this.waiting.set(id, (msg) => {
        clearTimeout(timer)
        if (msg.error) reject(new Error(String(msg.error)))
        else resolve(msg as T)
      })
      this.proc.send({ id, cmd, ...args })
    })
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null) return
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()))
    await Promise.race([this.call('exit', {}, 10_000).catch(() => {}), exited])
    await Promise.race([exited, sleep(2000)])
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL')
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
