from enum import StrEnum


class EventType(StrEnum):
    GOLD_POOL_EXHAUSTED = "gold.pool_exhausted"
    INVOICE_ISSUED = "invoice.issued"
    INVOICE_PAID = "invoice.paid"
    ITEM_CANCELLED = "item.cancelled"
    ITEM_NEEDS_ATTENTION = "item.needs_attention"
    ITEM_RESOLVED = "item.resolved"
    SLICE_RELIABILITY_LOW = "slice.reliability_low"
    TIMESHEET_DISPUTED = "timesheet.disputed"
    TIMESHEET_SUBMITTED = "timesheet.submitted"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        return str(self.value)
