DROP TABLE vetting_transitions;
DROP TABLE experts;
