import { describe, expect, it } from 'vitest';
import { loggableError } from './problem.ts';

describe('loggableError', () => {
  it('drops a failed query parameters but keeps the stack frames', () => {
    const err = new Error('Failed query: select * from app_user where phone = $1\nparams: 13800000001');
    err.stack = `Error: ${err.message}\n    at query (db.ts:1:1)\n    at handler (routes.ts:2:2)`;
    const logged = loggableError(err);
    expect(JSON.stringify(logged)).not.toContain('13800000001');
    expect(logged.message).toBe('Failed query: select * from app_user where phone = $1');
    expect(logged.stack).toContain('at handler (routes.ts:2:2)');
  });
});
