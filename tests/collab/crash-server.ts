/**
 * The collab server alone, as a child process for the crash-durability test:
 *   node --import tsx tests/collab/crash-server.ts <database file> <port>
 * Prints "listening" once it accepts connections. SIGTERM closes it gracefully; the test mostly uses
 * SIGKILL.
 */
import http from 'node:http'
import { createCollabServer } from '../../collab/server.ts'
import { openDatabase } from '../../db/connection.ts'
import { migrateToLatest } from '../../db/migrate.ts'

const [file, port] = process.argv.slice(2)
const { db, sqlite } = openDatabase(file)
await migrateToLatest(db)
const collab = createCollabServer({ db, sqlite, log: (level, msg, extra) => level !== 'info' && console.error(level, msg, extra ?? '') })
const server = http.createServer((_req, res) => res.writeHead(404).end())
server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head))
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'))
process.on('SIGTERM', () => {
  void collab.close().then(() => {
    server.close()
    sqlite.close()
    process.exit(0)
  })
})
