-- One scheduler at a time among the platform nodes that share a master database (docs/scaling.md): the node holding
-- an unexpired lease runs the schedules and starts sync runs; the others serve reads. Taken and renewed with one
-- conditional UPDATE (SchedulerLease). expires_at is epoch milliseconds; holder '' with 0 is a free lease.
CREATE TABLE scheduler_lease (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    holder     TEXT    NOT NULL,
    taken_at   TEXT,
    expires_at INTEGER NOT NULL
);
INSERT INTO scheduler_lease (id, holder, taken_at, expires_at) VALUES (1, '', NULL, 0);
