from enum import StrEnum


class InvoiceCollection(StrEnum):
    MANUAL = "manual"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
