/** Start a copydesk server on 127.0.0.1 at a free port; resolves to its base URL. */
import type {FastifyInstance} from 'fastify'

export async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({port: 0, host: '127.0.0.1'})
  const address = server.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}
