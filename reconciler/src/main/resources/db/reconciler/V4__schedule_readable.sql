-- The nightly trigger's schedule (cron, time zone, next fire time) is readable by node-service, whose console shows
-- operators when the next reconciliation runs. Only these two tables: the rest of Quartz's state stays private.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ledger_reader') THEN
        GRANT SELECT ON reconciler.qrtz_triggers, reconciler.qrtz_cron_triggers TO ledger_reader;
    END IF;
END
$$;
