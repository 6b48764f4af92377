-- The database refuses a status the lifecycle does not know (lib/generations/lifecycle.ts).
-- Adding a status: a new migration that drops this constraint and adds it again with the new list;
-- tests/integration/lifecycle.test.ts fails while this list and the module's differ.
ALTER TABLE "generation" ADD CONSTRAINT "generation_status_check" CHECK ("status" IN (
    'queued', 'submitting', 'submitted', 'processing', 'succeeded', 'archived', 'failed', 'timed_out'
));
