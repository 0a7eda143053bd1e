DROP TABLE scheduling_lock;
DROP TABLE shifts;
DROP TABLE capacity_requests;
DROP TABLE availability_exceptions;
DROP TABLE expert_schedules;
