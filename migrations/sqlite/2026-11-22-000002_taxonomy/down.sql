DROP TABLE slices;
DROP TABLE domain_requirements;
DROP TABLE domains;
