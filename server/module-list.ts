/**
 * The business modules, imported for their registrations (approval subjects and processes,
 * event types, jobs, deadline policies). A new module adds one line here.
 */
import './projects/module.ts';
import './customers/module.ts';
import './intake/module.ts';
import './activities/module.ts';
import './cases/module.ts';

export {};
