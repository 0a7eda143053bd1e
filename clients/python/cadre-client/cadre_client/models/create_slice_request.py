from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.measurement_level import MeasurementLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_schema_type_0 import LabelSchemaType0
    from ..models.label_schema_type_1 import LabelSchemaType1
    from ..models.label_schema_type_2 import LabelSchemaType2


T = TypeVar("T", bound="CreateSliceRequest")


@_attrs_define
class CreateSliceRequest:
    """
    Attributes:
        domain_id (str): Opaque, time-sortable identifier: a domain id.
        key (str): A slug, optionally with `:` and a language tag. Example: medicine/radiology:de.
        label_schema (LabelSchemaType0 | LabelSchemaType1 | LabelSchemaType2): What a judgment in the slice looks like.
            Labels are validated against it.
        measurement_level (MeasurementLevel): The reliability statistic's measurement level for the slice.
        name (str):
        description (str | Unset):
        language (None | str | Unset): BCP 47 tag; taken from the key's `:xx` suffix when omitted.
        org_id (None | str | Unset):
    """

    domain_id: str
    key: str
    label_schema: LabelSchemaType0 | LabelSchemaType1 | LabelSchemaType2
    measurement_level: MeasurementLevel
    name: str
    description: str | Unset = UNSET
    language: None | str | Unset = UNSET
    org_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.label_schema_type_0 import LabelSchemaType0  # noqa: PLC0415
        from ..models.label_schema_type_1 import LabelSchemaType1  # noqa: PLC0415

        domain_id = self.domain_id

        key = self.key

        label_schema: dict[str, Any]
        if isinstance(self.label_schema, LabelSchemaType0):
            label_schema = self.label_schema.to_dict()
        elif isinstance(self.label_schema, LabelSchemaType1):
            label_schema = self.label_schema.to_dict()
        else:
            label_schema = self.label_schema.to_dict()

        measurement_level = self.measurement_level.value

        name = self.name

        description = self.description

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        org_id: None | str | Unset
        if isinstance(self.org_id, Unset):
            org_id = UNSET
        else:
            org_id = self.org_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "domain_id": domain_id,
                "key": key,
                "label_schema": label_schema,
                "measurement_level": measurement_level,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if language is not UNSET:
            field_dict["language"] = language
        if org_id is not UNSET:
            field_dict["org_id"] = org_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_schema_type_0 import LabelSchemaType0  # noqa: PLC0415
        from ..models.label_schema_type_1 import LabelSchemaType1  # noqa: PLC0415
        from ..models.label_schema_type_2 import LabelSchemaType2  # noqa: PLC0415

        d = dict(src_dict)
        domain_id = d.pop("domain_id")

        key = d.pop("key")

        def _parse_label_schema(data: object) -> LabelSchemaType0 | LabelSchemaType1 | LabelSchemaType2:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_label_schema_type_0 = LabelSchemaType0.from_dict(data)

                return componentsschemas_label_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_label_schema_type_1 = LabelSchemaType1.from_dict(data)

                return componentsschemas_label_schema_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_label_schema_type_2 = LabelSchemaType2.from_dict(data)

            return componentsschemas_label_schema_type_2

        label_schema = _parse_label_schema(d.pop("label_schema"))

        measurement_level = MeasurementLevel(d.pop("measurement_level"))

        name = d.pop("name")

        description = d.pop("description", UNSET)

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_id = _parse_org_id(d.pop("org_id", UNSET))

        create_slice_request = cls(
            domain_id=domain_id,
            key=key,
            label_schema=label_schema,
            measurement_level=measurement_level,
            name=name,
            description=description,
            language=language,
            org_id=org_id,
        )

        return create_slice_request
