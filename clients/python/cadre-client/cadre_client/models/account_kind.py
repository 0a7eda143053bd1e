from enum import StrEnum


class AccountKind(StrEnum):
    CASH_STRIPE = "cash_stripe"
    EXPERT_PAYABLE = "expert_payable"
    LAB_RECEIVABLE = "lab_receivable"
    PLATFORM_REVENUE = "platform_revenue"
    VENDOR_PAYABLE = "vendor_payable"

    def __str__(self) -> str:
        return str(self.value)
