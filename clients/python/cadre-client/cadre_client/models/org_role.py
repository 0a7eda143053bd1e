from enum import StrEnum


class OrgRole(StrEnum):
    LAB_ADMIN = "lab_admin"
    LAB_MEMBER = "lab_member"
    VENDOR_ADMIN = "vendor_admin"

    def __str__(self) -> str:
        return str(self.value)
