/**
 * The business modules, imported for their registrations (approval subjects and processes,
 * event types, jobs, deadline policies). A new module adds one line here.
 */
export {};
