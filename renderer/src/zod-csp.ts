import { z } from 'zod';

// Imported first by main.tsx, before any schema is built: zod otherwise probes `new Function` when a schema
// is created, which the page's CSP (`script-src 'self'`, no 'unsafe-eval') reports as a violation.
z.config({ jitless: true });
