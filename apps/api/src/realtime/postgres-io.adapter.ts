import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Carries socket.io broadcasts and room changes between API instances through PostgreSQL (SPEC §10), so a
 * logout on one instance cuts the sockets held by another.
 */
export class PostgresIoAdapter extends IoAdapter {
  private readonly pool: pg.Pool;

  constructor(app: INestApplicationContext, url: string, onError: (err: Error) => void) {
    super(app);
    this.pool = new pg.Pool({ connectionString: url, max: 2, application_name: 'dengar-socket.io' });
    // Without these a PostgreSQL restart (57P01) would crash the process: the adapter keeps one client
    // checked out for LISTEN, and a checked-out client's errors reach no pool listener. The adapter itself
    // notices the client's end and LISTENs again on a new one.
    this.pool.on('error', onError);
    // The adapter never gives a dead LISTEN client back, so its pool slot would leak at each restart until the
    // pool is exhausted; giving it back as broken frees the slot.
    const checkedOut = new Set<pg.PoolClient>();
    this.pool.on('acquire', (client) => checkedOut.add(client));
    this.pool.on('release', (_err, client) => checkedOut.delete(client));
    this.pool.on('connect', (client) =>
      client.on('error', (err) => {
        onError(err);
        if (checkedOut.delete(client)) client.release(err);
      }),
    );
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pool, { errorHandler: (e) => this.pool.emit('error', e) }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool.end().catch(() => undefined);
  }
}
