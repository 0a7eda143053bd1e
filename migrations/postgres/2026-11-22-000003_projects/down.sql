DROP TABLE constitution_clauses;
DROP TABLE constitutions;
DROP TABLE project_slices;
DROP TABLE projects;
