-- Scheduling (README "Scheduling"): experts' weekly availability in their own time zone,
-- dated exceptions, labs' capacity requests and the shifts booked for them.

-- One row per expert who has set availability. Experts without a row have no schedule:
-- routing does not filter them by time, and capacity planning never books them.
CREATE TABLE expert_schedules (
    expert_id TEXT PRIMARY KEY NOT NULL REFERENCES experts (id),
    -- IANA zone the weekly rules and exceptions are written in.
    time_zone TEXT NOT NULL,
    -- JSON [{"weekday": "mon", "start": "18:00", "end": "22:00"}], wall-clock times.
    weekly_rules TEXT NOT NULL,
    max_minutes_per_week INTEGER NOT NULL,
    -- Shifts are never booked to start sooner than this after the booking.
    min_notice_minutes INTEGER NOT NULL,
    -- SHA-256 (hex) of the secret in the calendar feed URL; NULL: no feed.
    calendar_token_hash TEXT NULL,
    calendar_token_created_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX expert_schedules_calendar_idx ON expert_schedules (calendar_token_hash);

-- Dated exceptions in the expert's wall-clock time: time off, or extra hours.
CREATE TABLE availability_exceptions (
    id TEXT PRIMARY KEY NOT NULL,
    expert_id TEXT NOT NULL REFERENCES experts (id),
    available BOOLEAN NOT NULL,
    starts_local TIMESTAMP NOT NULL,
    ends_local TIMESTAMP NOT NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX availability_exceptions_expert_idx ON availability_exceptions (expert_id, id);

CREATE TABLE capacity_requests (
    id TEXT PRIMARY KEY NOT NULL,
    -- The lab.
    org_id TEXT NOT NULL REFERENCES orgs (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    minutes_needed BIGINT NOT NULL,
    window_start TIMESTAMP NOT NULL,
    window_end TIMESTAMP NOT NULL,
    min_shift_minutes INTEGER NOT NULL,
    max_shift_minutes INTEGER NOT NULL,
    min_experts INTEGER NOT NULL,
    -- open | cancelled
    status TEXT NOT NULL,
    -- What the last plan could not cover.
    shortfall_minutes BIGINT NOT NULL,
    shortfall_experts INTEGER NOT NULL,
    note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    planned_at TIMESTAMP NOT NULL
);
CREATE INDEX capacity_requests_org_idx ON capacity_requests (org_id, id);

CREATE TABLE shifts (
    id TEXT PRIMARY KEY NOT NULL,
    capacity_request_id TEXT NOT NULL REFERENCES capacity_requests (id),
    -- The lab that requested it.
    org_id TEXT NOT NULL REFERENCES orgs (id),
    project_id TEXT NOT NULL REFERENCES projects (id),
    slice_id TEXT NOT NULL REFERENCES slices (id),
    expert_id TEXT NOT NULL REFERENCES experts (id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    -- offered | confirmed | declined | expired (not confirmed in time) | cancelled
    status TEXT NOT NULL,
    -- iCalendar SEQUENCE: bumped on every change the expert's calendar must show.
    sequence INTEGER NOT NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX shifts_expert_time_idx ON shifts (expert_id, starts_at);
CREATE INDEX shifts_request_idx ON shifts (capacity_request_id, starts_at);
CREATE INDEX shifts_org_idx ON shifts (org_id, id);
CREATE INDEX shifts_on_duty_idx ON shifts (project_id, slice_id, status, starts_at);

-- One row every booking change updates first: bookings (across all projects) are
-- serialised, so two plans never book one expert into overlapping shifts.
CREATE TABLE scheduling_lock (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO scheduling_lock (id, version) VALUES (1, 0);
