import { SqliteEventStore } from './sqlite-event-store';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import Database from 'better-sqlite3';
it('bench', async () => {
  const file = process.env.BENCH_DIR + '/events.db';
  const es = new SqliteEventStore({ file });
  let t = Date.now(); let n = 0;
  for (let k = 0; k < 3; k++) { t = Date.now(); n = 0;
  for (let after = 0;;) { const b = await es.readAll({ after, limit: 5000 }); if (!b.length) break; n += b.length; after = b[b.length-1].metadata.position; }
  console.log('readAll', n, Date.now() - t, 'ms'); }
  const db = new Database(file);
  const st = db.prepare('SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?');
  t = Date.now(); n = 0;
  for (let after = 0;;) { const b = st.all(after, 5000) as {position:number}[]; if (!b.length) break; n += b.length; after = b[b.length-1].position; }
  console.log('raw rows', n, Date.now() - t, 'ms');
  st.raw(true); t = Date.now(); n = 0;
  for (let after = 0;;) { const b = st.all(after, 5000) as number[][]; if (!b.length) break; n += b.length; after = b[b.length-1][0]; }
  console.log('raw arrays', n, Date.now() - t, 'ms');
  const rm = new SqliteReadModelStore({ file: process.env.BENCH_DIR + '/rm.db' });
  const writes = Array.from({ length: 500 }, (_, i) => ({ collection: 'c', id: 'service-desk.ticket-' + i, doc: { id: 'x' + i, status: 'open', notes: 3, lastNote: 'note 3' }, position: 1 }));
  t = Date.now();
  for (let k = 1; k <= 20; k++) await rm.commit('p', writes.map(w => ({ ...w, position: k })), k);
  console.log('commit 20x500', Date.now() - t, 'ms');
  t = Date.now();
  for (let k = 1; k <= 20; k++) await rm.getMany('c', writes.map(w => w.id));
  console.log('getMany 20x500', Date.now() - t, 'ms');
  await es.close(); await rm.close(); db.close();
}, 60000);
