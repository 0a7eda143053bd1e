from enum import StrEnum


class Scope(StrEnum):
    BILLINGREAD = "billing:read"
    GOLDREAD = "gold:read"
    ITEMSREAD = "items:read"
    ITEMSWRITE = "items:write"
    MEMBERSREAD = "members:read"
    ORGREAD = "org:read"
    PROJECTSREAD = "projects:read"

    def __str__(self) -> str:
        return str(self.value)
