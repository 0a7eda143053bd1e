from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measurement_level import MeasurementLevel
from ..models.slice_visibility import SliceVisibility
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_schema_type_0 import LabelSchemaType0
    from ..models.label_schema_type_1 import LabelSchemaType1
    from ..models.label_schema_type_2 import LabelSchemaType2


T = TypeVar("T", bound="SliceView")


@_attrs_define
class SliceView:
    """
    Attributes:
        created_at (datetime.datetime):
        description (str):
        domain_id (str): Opaque, time-sortable identifier: a domain id.
        id (str): Opaque, time-sortable identifier: a slice id.
        key (str):  Example: medicine/radiology:de.
        label_schema (LabelSchemaType0 | LabelSchemaType1 | LabelSchemaType2): What a judgment in the slice looks like.
            Labels are validated against it.
        measurement_level (MeasurementLevel): The reliability statistic's measurement level for the slice.
        name (str):
        updated_at (datetime.datetime):
        visibility (SliceVisibility):
        language (None | str | Unset): BCP 47 language tag of the slice's items, if any.
        org_id (None | str | Unset):
    """

    created_at: datetime.datetime
    description: str
    domain_id: str
    id: str
    key: str
    label_schema: LabelSchemaType0 | LabelSchemaType1 | LabelSchemaType2
    measurement_level: MeasurementLevel
    name: str
    updated_at: datetime.datetime
    visibility: SliceVisibility
    language: None | str | Unset = UNSET
    org_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.label_schema_type_0 import LabelSchemaType0  # noqa: PLC0415
        from ..models.label_schema_type_1 import LabelSchemaType1  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        description = self.description

        domain_id = self.domain_id

        id = self.id

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

        updated_at = self.updated_at.isoformat()

        visibility = self.visibility.value

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "description": description,
                "domain_id": domain_id,
                "id": id,
                "key": key,
                "label_schema": label_schema,
                "measurement_level": measurement_level,
                "name": name,
                "updated_at": updated_at,
                "visibility": visibility,
            }
        )
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
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description")

        domain_id = d.pop("domain_id")

        id = d.pop("id")

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        visibility = SliceVisibility(d.pop("visibility"))

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

        slice_view = cls(
            created_at=created_at,
            description=description,
            domain_id=domain_id,
            id=id,
            key=key,
            label_schema=label_schema,
            measurement_level=measurement_level,
            name=name,
            updated_at=updated_at,
            visibility=visibility,
            language=language,
            org_id=org_id,
        )

        slice_view.additional_properties = d
        return slice_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
