from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TrustedReviewerRequest")


@_attrs_define
class TrustedReviewerRequest:
    """
    Attributes:
        reason (str): Kept in the audit log.
        trusted (bool): Whether the platform counts this vendor's credential verifications.
    """

    reason: str
    trusted: bool

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        trusted = self.trusted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "trusted": trusted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        trusted = d.pop("trusted")

        trusted_reviewer_request = cls(
            reason=reason,
            trusted=trusted,
        )

        return trusted_reviewer_request
