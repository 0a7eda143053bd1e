DROP TABLE roster_memberships;
DROP TABLE roster_invitations;
