from enum import StrEnum


class EventType(StrEnum):
    GOLD_POOL_EXHAUSTED = "gold.pool_exhausted"
    INVOICE_ISSUED = "invoice.issued"
    INVOICE_PAID = "invoice.paid"
    ITEM_CANCELLED = "item.cancelled"
    ITEM_DEADLINE_MISSED = "item.deadline_missed"
    ITEM_EXPIRED = "item.expired"
    ITEM_NEEDS_ATTENTION = "item.needs_attention"
    ITEM_RESOLVED = "item.resolved"
    PROJECT_BUDGET_REACHED = "project.budget_reached"
    PROJECT_BUDGET_WARNING = "project.budget_warning"
    SLICE_RELIABILITY_LOW = "slice.reliability_low"
    TIMESHEET_DISPUTED = "timesheet.disputed"
    TIMESHEET_SUBMITTED = "timesheet.submitted"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        return str(self.value)
