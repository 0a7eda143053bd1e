"""Contains all the data models used in inputs/outputs"""

from .accept_invitation_request import AcceptInvitationRequest
from .accept_invitation_response import AcceptInvitationResponse
from .accept_roster_invitation_request import AcceptRosterInvitationRequest
from .accepted import Accepted
from .account_balance import AccountBalance
from .account_kind import AccountKind
from .account_type import AccountType
from .accuracy_chart_metric import AccuracyChartMetric
from .adjudication_load import AdjudicationLoad
from .affiliation import Affiliation
from .agreement import Agreement
from .amount import Amount
from .anonymous_judgment import AnonymousJudgment
from .anonymous_judgment_label import AnonymousJudgmentLabel
from .answer_receipt import AnswerReceipt
from .api_key_view import ApiKeyView
from .appeal_decision import AppealDecision
from .appeal_kind import AppealKind
from .appeal_view import AppealView
from .approve_request import ApproveRequest
from .assessment_answer_request import AssessmentAnswerRequest
from .assessment_answer_request_label import AssessmentAnswerRequestLabel
from .assessment_item_view import AssessmentItemView
from .assessment_item_view_answer_type_0 import AssessmentItemViewAnswerType0
from .assessment_item_view_payload import AssessmentItemViewPayload
from .assessment_list import AssessmentList
from .assessment_result import AssessmentResult
from .assessment_status import AssessmentStatus
from .assessment_view import AssessmentView
from .attempt_view import AttemptView
from .attention_reason import AttentionReason
from .audit_event_view import AuditEventView
from .availability_view import AvailabilityView
from .booked_view import BookedView
from .budget_estimate import BudgetEstimate
from .budget_state import BudgetState
from .budget_view import BudgetView
from .bulk_change_result import BulkChangeResult
from .bulk_result import BulkResult
from .bulk_tier_request import BulkTierRequest
from .bulk_tier_result import BulkTierResult
from .calendar_feed_view import CalendarFeedView
from .calibration_answer_request import CalibrationAnswerRequest
from .calibration_answer_request_label import CalibrationAnswerRequestLabel
from .calibration_item import CalibrationItem
from .calibration_item_payload import CalibrationItemPayload
from .calibration_item_your_label_type_0 import CalibrationItemYourLabelType0
from .calibration_items import CalibrationItems
from .calibration_session_view import CalibrationSessionView
from .cancel_item_request import CancelItemRequest
from .cancel_items_request import CancelItemsRequest
from .capacity_request_detail import CapacityRequestDetail
from .capacity_request_view import CapacityRequestView
from .card_standing import CardStanding
from .certification_input import CertificationInput
from .change_role_request import ChangeRoleRequest
from .change_row import ChangeRow
from .change_status import ChangeStatus
from .change_status_request import ChangeStatusRequest
from .changed_clause import ChangedClause
from .clause import Clause
from .comparison import Comparison
from .confirm_email_check_request import ConfirmEmailCheckRequest
from .constitution_diff import ConstitutionDiff
from .constitution_list import ConstitutionList
from .constitution_request import ConstitutionRequest
from .constitution_status import ConstitutionStatus
from .constitution_summary import ConstitutionSummary
from .constitution_view import ConstitutionView
from .contact import Contact
from .cost_per_correct import CostPerCorrect
from .coverage_day import CoverageDay
from .create_api_key_request import CreateApiKeyRequest
from .create_credential_request import CreateCredentialRequest
from .create_domain_request import CreateDomainRequest
from .create_endpoint import CreateEndpoint
from .create_invitation_request import CreateInvitationRequest
from .create_project_request import CreateProjectRequest
from .create_roster_invitation_request import CreateRosterInvitationRequest
from .create_session import CreateSession
from .create_slice_request import CreateSliceRequest
from .created_api_key import CreatedApiKey
from .credential_decision import CredentialDecision
from .credential_kind import CredentialKind
from .credential_list import CredentialList
from .credential_status import CredentialStatus
from .credential_summary import CredentialSummary
from .credential_view import CredentialView
from .currency_earnings import CurrencyEarnings
from .currency_totals import CurrencyTotals
from .dawid_skene_summary import DawidSkeneSummary
from .decide_appeal import DecideAppeal
from .decide_appeal_corrected_answer_type_0 import DecideAppealCorrectedAnswerType0
from .decision_result import DecisionResult
from .decision_view import DecisionView
from .decision_view_chosen_item import DecisionViewChosenItem
from .decision_view_removed import DecisionViewRemoved
from .decline_request import DeclineRequest
from .decline_result import DeclineResult
from .decline_roster_invitation_request import DeclineRosterInvitationRequest
from .delete_account_request import DeleteAccountRequest
from .delivery_detail import DeliveryDetail
from .delivery_detail_payload import DeliveryDetailPayload
from .delivery_view import DeliveryView
from .dispute import Dispute
from .disputed_line import DisputedLine
from .disputed_line_ref import DisputedLineRef
from .distribution import Distribution
from .domain_eligibility import DomainEligibility
from .domain_view import DomainView
from .drift_point import DriftPoint
from .earnings import Earnings
from .effective_requirement import EffectiveRequirement
from .eligibility import Eligibility
from .email_change_request import EmailChangeRequest
from .email_check_request import EmailCheckRequest
from .email_check_status import EmailCheckStatus
from .email_check_view import EmailCheckView
from .endpoint_view import EndpointView
from .endpoint_with_secret import EndpointWithSecret
from .entry_view import EntryView
from .event_type import EventType
from .evidence_kind import EvidenceKind
from .evidence_upload import EvidenceUpload
from .evidence_view import EvidenceView
from .exception_kind import ExceptionKind
from .exception_view import ExceptionView
from .exclusions import Exclusions
from .expert_card import ExpertCard
from .expert_scores import ExpertScores
from .expert_series import ExpertSeries
from .expert_view import ExpertView
from .expert_week import ExpertWeek
from .export_results_format import ExportResultsFormat
from .failed_gold_check import FailedGoldCheck
from .field_error import FieldError
from .file_appeal import FileAppeal
from .gold_item_input import GoldItemInput
from .gold_item_input_answer import GoldItemInputAnswer
from .gold_item_input_payload import GoldItemInputPayload
from .gold_item_view import GoldItemView
from .gold_item_view_answer import GoldItemViewAnswer
from .gold_item_view_payload import GoldItemViewPayload
from .gold_pool_exhausted_event import GoldPoolExhaustedEvent
from .gold_summary import GoldSummary
from .health import Health
from .heartbeat_view import HeartbeatView
from .history_entry import HistoryEntry
from .interval import Interval
from .intervals_view import IntervalsView
from .invitation_status import InvitationStatus
from .invitation_view import InvitationView
from .invoice_collection import InvoiceCollection
from .invoice_issued_event import InvoiceIssuedEvent
from .invoice_line_view import InvoiceLineView
from .invoice_paid_event import InvoicePaidEvent
from .invoice_run import InvoiceRun
from .invoice_view import InvoiceView
from .issued_invoice_ref import IssuedInvoiceRef
from .item_cancelled_event import ItemCancelledEvent
from .item_deadline_missed_event import ItemDeadlineMissedEvent
from .item_expired_event import ItemExpiredEvent
from .item_input import ItemInput
from .item_input_payload import ItemInputPayload
from .item_needs_attention_event import ItemNeedsAttentionEvent
from .item_resolution import ItemResolution
from .item_resolved_event import ItemResolvedEvent
from .item_result import ItemResult
from .item_result_final_label_type_0 import ItemResultFinalLabelType0
from .item_split import ItemSplit
from .item_split_classes import ItemSplitClasses
from .item_status import ItemStatus
from .item_view import ItemView
from .item_view_payload import ItemViewPayload
from .judgment import Judgment
from .judgment_label import JudgmentLabel
from .judgment_standing import JudgmentStanding
from .label_schema_type_0 import LabelSchemaType0
from .label_schema_type_0_kind import LabelSchemaType0Kind
from .label_schema_type_1 import LabelSchemaType1
from .label_schema_type_1_kind import LabelSchemaType1Kind
from .label_schema_type_2 import LabelSchemaType2
from .label_schema_type_2_kind import LabelSchemaType2Kind
from .line_view import LineView
from .list_shifts_status import ListShiftsStatus
from .login_request import LoginRequest
from .low_reliability import LowReliability
from .mark_paid import MarkPaid
from .me_api_key import MeApiKey
from .me_response_type_0 import MeResponseType0
from .me_response_type_0_kind import MeResponseType0Kind
from .me_response_type_1 import MeResponseType1
from .me_response_type_1_kind import MeResponseType1Kind
from .me_user import MeUser
from .measurement_level import MeasurementLevel
from .member_view import MemberView
from .membership_changed import MembershipChanged
from .membership_view import MembershipView
from .metric import Metric
from .metric_view import MetricView
from .min_qualification import MinQualification
from .missed_clause import MissedClause
from .money import Money
from .my_participation import MyParticipation
from .new_capacity_request import NewCapacityRequest
from .new_exception import NewException
from .numbers import Numbers
from .org_approval import OrgApproval
from .org_kind import OrgKind
from .org_role import OrgRole
from .org_view import OrgView
from .page_api_key_view import PageApiKeyView
from .page_api_key_view_data_item import PageApiKeyViewDataItem
from .page_appeal_view import PageAppealView
from .page_appeal_view_data_item import PageAppealViewDataItem
from .page_audit_event_view import PageAuditEventView
from .page_audit_event_view_data_item import PageAuditEventViewDataItem
from .page_calibration_session_view import PageCalibrationSessionView
from .page_calibration_session_view_data_item import PageCalibrationSessionViewDataItem
from .page_capacity_request_view import PageCapacityRequestView
from .page_capacity_request_view_data_item import PageCapacityRequestViewDataItem
from .page_delivery_view import PageDeliveryView
from .page_delivery_view_data_item import PageDeliveryViewDataItem
from .page_domain_view import PageDomainView
from .page_domain_view_data_item import PageDomainViewDataItem
from .page_endpoint_view import PageEndpointView
from .page_endpoint_view_data_item import PageEndpointViewDataItem
from .page_expert_view import PageExpertView
from .page_expert_view_data_item import PageExpertViewDataItem
from .page_gold_item_view import PageGoldItemView
from .page_gold_item_view_data_item import PageGoldItemViewDataItem
from .page_gold_item_view_data_item_answer import PageGoldItemViewDataItemAnswer
from .page_gold_item_view_data_item_payload import PageGoldItemViewDataItemPayload
from .page_invitation_view import PageInvitationView
from .page_invitation_view_data_item import PageInvitationViewDataItem
from .page_invoice_view import PageInvoiceView
from .page_invoice_view_data_item import PageInvoiceViewDataItem
from .page_item_view import PageItemView
from .page_item_view_data_item import PageItemViewDataItem
from .page_item_view_data_item_payload import PageItemViewDataItemPayload
from .page_member_view import PageMemberView
from .page_member_view_data_item import PageMemberViewDataItem
from .page_org_view import PageOrgView
from .page_org_view_data_item import PageOrgViewDataItem
from .page_payout_view import PagePayoutView
from .page_payout_view_data_item import PagePayoutViewDataItem
from .page_project_view import PageProjectView
from .page_project_view_data_item import PageProjectViewDataItem
from .page_roster_invitation_view import PageRosterInvitationView
from .page_roster_invitation_view_data_item import PageRosterInvitationViewDataItem
from .page_shift_view import PageShiftView
from .page_shift_view_data_item import PageShiftViewDataItem
from .page_slice_view import PageSliceView
from .page_slice_view_data_item import PageSliceViewDataItem
from .page_time_entry_view import PageTimeEntryView
from .page_time_entry_view_data_item import PageTimeEntryViewDataItem
from .page_timesheet_view import PageTimesheetView
from .page_timesheet_view_data_item import PageTimesheetViewDataItem
from .page_work_view import PageWorkView
from .page_work_view_data_item import PageWorkViewDataItem
from .page_work_view_data_item_payload import PageWorkViewDataItemPayload
from .page_work_view_data_item_your_label_type_0 import PageWorkViewDataItemYourLabelType0
from .paid_interval import PaidInterval
from .pair_agreement import PairAgreement
from .participant_result import ParticipantResult
from .password_change_request import PasswordChangeRequest
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_request import PasswordResetRequest
from .pay_rate_view import PayRateView
from .payout_account_view import PayoutAccountView
from .payout_view import PayoutView
from .plan_report import PlanReport
from .problem import Problem
from .profile_input import ProfileInput
from .progress import Progress
from .project_budget_event import ProjectBudgetEvent
from .project_quality import ProjectQuality
from .project_slice import ProjectSlice
from .project_status import ProjectStatus
from .project_view import ProjectView
from .rate import Rate
from .readiness import Readiness
from .reason import Reason
from .reason_request import ReasonRequest
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .register_response import RegisterResponse
from .reject_request import RejectRequest
from .reliability_health import ReliabilityHealth
from .reliability_report import ReliabilityReport
from .repeat_session import RepeatSession
from .requirement_input import RequirementInput
from .requirement_status import RequirementStatus
from .requirement_view import RequirementView
from .resolved_line import ResolvedLine
from .results_page import ResultsPage
from .review_request import ReviewRequest
from .roster_change import RosterChange
from .roster_coverage import RosterCoverage
from .roster_dashboard import RosterDashboard
from .roster_exit_request import RosterExitRequest
from .roster_experts import RosterExperts
from .roster_history import RosterHistory
from .roster_invitation_status import RosterInvitationStatus
from .roster_invitation_view import RosterInvitationView
from .roster_membership_view import RosterMembershipView
from .routing_explanation import RoutingExplanation
from .row_result import RowResult
from .row_status import RowStatus
from .run_report import RunReport
from .scope import Scope
from .session_results import SessionResults
from .set_availability import SetAvailability
from .set_status_request import SetStatusRequest
from .set_tier_request import SetTierRequest
from .share import Share
from .shift_view import ShiftView
from .slice_coverage import SliceCoverage
from .slice_dashboard import SliceDashboard
from .slice_reliability_low_event import SliceReliabilityLowEvent
from .slice_scores import SliceScores
from .slice_status import SliceStatus
from .slice_timeliness import SliceTimeliness
from .slice_view import SliceView
from .slice_visibility import SliceVisibility
from .stakes import Stakes
from .standing_event_view import StandingEventView
from .standing_event_view_details import StandingEventViewDetails
from .standing_history import StandingHistory
from .standing_list import StandingList
from .standing_view import StandingView
from .status import Status
from .status_counts import StatusCounts
from .stripe_payment import StripePayment
from .submit_request import SubmitRequest
from .submit_request_label import SubmitRequestLabel
from .submitted_timesheet_ref import SubmittedTimesheetRef
from .thresholds import Thresholds
from .tier import Tier
from .tier_change import TierChange
from .tier_counts import TierCounts
from .time_entry_view import TimeEntryView
from .timesheet_disputed_event import TimesheetDisputedEvent
from .timesheet_resolution import TimesheetResolution
from .timesheet_submitted_event import TimesheetSubmittedEvent
from .timesheet_view import TimesheetView
from .token_response import TokenResponse
from .transaction_view import TransactionView
from .transition_list import TransitionList
from .transition_request import TransitionRequest
from .transition_view import TransitionView
from .trial_balance import TrialBalance
from .trusted_reviewer_request import TrustedReviewerRequest
from .update_domain_request import UpdateDomainRequest
from .update_endpoint import UpdateEndpoint
from .update_item_request import UpdateItemRequest
from .update_items_request import UpdateItemsRequest
from .update_project_request import UpdateProjectRequest
from .update_slice_request import UpdateSliceRequest
from .user_view import UserView
from .valid_label import ValidLabel
from .validate_label_request import ValidateLabelRequest
from .validate_label_request_label import ValidateLabelRequestLabel
from .vendor_agreement import VendorAgreement
from .vendor_agreement_view import VendorAgreementView
from .vendor_comparison import VendorComparison
from .vendor_result import VendorResult
from .verify_email_request import VerifyEmailRequest
from .vetting_status import VettingStatus
from .webhook_ack import WebhookAck
from .webhook_test_event import WebhookTestEvent
from .week_earnings import WeekEarnings
from .week_numbers import WeekNumbers
from .weekday import Weekday
from .weekly_slot import WeeklySlot
from .work_constitution import WorkConstitution
from .work_project import WorkProject
from .work_role import WorkRole
from .work_session_view import WorkSessionView
from .work_slice import WorkSlice
from .work_slice_label_schema import WorkSliceLabelSchema
from .work_status import WorkStatus
from .work_view import WorkView
from .work_view_payload import WorkViewPayload
from .work_view_your_label_type_0 import WorkViewYourLabelType0

__all__ = (
    "Accepted",
    "AcceptInvitationRequest",
    "AcceptInvitationResponse",
    "AcceptRosterInvitationRequest",
    "AccountBalance",
    "AccountKind",
    "AccountType",
    "AccuracyChartMetric",
    "AdjudicationLoad",
    "Affiliation",
    "Agreement",
    "Amount",
    "AnonymousJudgment",
    "AnonymousJudgmentLabel",
    "AnswerReceipt",
    "ApiKeyView",
    "AppealDecision",
    "AppealKind",
    "AppealView",
    "ApproveRequest",
    "AssessmentAnswerRequest",
    "AssessmentAnswerRequestLabel",
    "AssessmentItemView",
    "AssessmentItemViewAnswerType0",
    "AssessmentItemViewPayload",
    "AssessmentList",
    "AssessmentResult",
    "AssessmentStatus",
    "AssessmentView",
    "AttemptView",
    "AttentionReason",
    "AuditEventView",
    "AvailabilityView",
    "BookedView",
    "BudgetEstimate",
    "BudgetState",
    "BudgetView",
    "BulkChangeResult",
    "BulkResult",
    "BulkTierRequest",
    "BulkTierResult",
    "CalendarFeedView",
    "CalibrationAnswerRequest",
    "CalibrationAnswerRequestLabel",
    "CalibrationItem",
    "CalibrationItemPayload",
    "CalibrationItems",
    "CalibrationItemYourLabelType0",
    "CalibrationSessionView",
    "CancelItemRequest",
    "CancelItemsRequest",
    "CapacityRequestDetail",
    "CapacityRequestView",
    "CardStanding",
    "CertificationInput",
    "ChangedClause",
    "ChangeRoleRequest",
    "ChangeRow",
    "ChangeStatus",
    "ChangeStatusRequest",
    "Clause",
    "Comparison",
    "ConfirmEmailCheckRequest",
    "ConstitutionDiff",
    "ConstitutionList",
    "ConstitutionRequest",
    "ConstitutionStatus",
    "ConstitutionSummary",
    "ConstitutionView",
    "Contact",
    "CostPerCorrect",
    "CoverageDay",
    "CreateApiKeyRequest",
    "CreateCredentialRequest",
    "CreatedApiKey",
    "CreateDomainRequest",
    "CreateEndpoint",
    "CreateInvitationRequest",
    "CreateProjectRequest",
    "CreateRosterInvitationRequest",
    "CreateSession",
    "CreateSliceRequest",
    "CredentialDecision",
    "CredentialKind",
    "CredentialList",
    "CredentialStatus",
    "CredentialSummary",
    "CredentialView",
    "CurrencyEarnings",
    "CurrencyTotals",
    "DawidSkeneSummary",
    "DecideAppeal",
    "DecideAppealCorrectedAnswerType0",
    "DecisionResult",
    "DecisionView",
    "DecisionViewChosenItem",
    "DecisionViewRemoved",
    "DeclineRequest",
    "DeclineResult",
    "DeclineRosterInvitationRequest",
    "DeleteAccountRequest",
    "DeliveryDetail",
    "DeliveryDetailPayload",
    "DeliveryView",
    "Dispute",
    "DisputedLine",
    "DisputedLineRef",
    "Distribution",
    "DomainEligibility",
    "DomainView",
    "DriftPoint",
    "Earnings",
    "EffectiveRequirement",
    "Eligibility",
    "EmailChangeRequest",
    "EmailCheckRequest",
    "EmailCheckStatus",
    "EmailCheckView",
    "EndpointView",
    "EndpointWithSecret",
    "EntryView",
    "EventType",
    "EvidenceKind",
    "EvidenceUpload",
    "EvidenceView",
    "ExceptionKind",
    "ExceptionView",
    "Exclusions",
    "ExpertCard",
    "ExpertScores",
    "ExpertSeries",
    "ExpertView",
    "ExpertWeek",
    "ExportResultsFormat",
    "FailedGoldCheck",
    "FieldError",
    "FileAppeal",
    "GoldItemInput",
    "GoldItemInputAnswer",
    "GoldItemInputPayload",
    "GoldItemView",
    "GoldItemViewAnswer",
    "GoldItemViewPayload",
    "GoldPoolExhaustedEvent",
    "GoldSummary",
    "Health",
    "HeartbeatView",
    "HistoryEntry",
    "Interval",
    "IntervalsView",
    "InvitationStatus",
    "InvitationView",
    "InvoiceCollection",
    "InvoiceIssuedEvent",
    "InvoiceLineView",
    "InvoicePaidEvent",
    "InvoiceRun",
    "InvoiceView",
    "IssuedInvoiceRef",
    "ItemCancelledEvent",
    "ItemDeadlineMissedEvent",
    "ItemExpiredEvent",
    "ItemInput",
    "ItemInputPayload",
    "ItemNeedsAttentionEvent",
    "ItemResolution",
    "ItemResolvedEvent",
    "ItemResult",
    "ItemResultFinalLabelType0",
    "ItemSplit",
    "ItemSplitClasses",
    "ItemStatus",
    "ItemView",
    "ItemViewPayload",
    "Judgment",
    "JudgmentLabel",
    "JudgmentStanding",
    "LabelSchemaType0",
    "LabelSchemaType0Kind",
    "LabelSchemaType1",
    "LabelSchemaType1Kind",
    "LabelSchemaType2",
    "LabelSchemaType2Kind",
    "LineView",
    "ListShiftsStatus",
    "LoginRequest",
    "LowReliability",
    "MarkPaid",
    "MeApiKey",
    "MeasurementLevel",
    "MembershipChanged",
    "MembershipView",
    "MemberView",
    "MeResponseType0",
    "MeResponseType0Kind",
    "MeResponseType1",
    "MeResponseType1Kind",
    "Metric",
    "MetricView",
    "MeUser",
    "MinQualification",
    "MissedClause",
    "Money",
    "MyParticipation",
    "NewCapacityRequest",
    "NewException",
    "Numbers",
    "OrgApproval",
    "OrgKind",
    "OrgRole",
    "OrgView",
    "PageApiKeyView",
    "PageApiKeyViewDataItem",
    "PageAppealView",
    "PageAppealViewDataItem",
    "PageAuditEventView",
    "PageAuditEventViewDataItem",
    "PageCalibrationSessionView",
    "PageCalibrationSessionViewDataItem",
    "PageCapacityRequestView",
    "PageCapacityRequestViewDataItem",
    "PageDeliveryView",
    "PageDeliveryViewDataItem",
    "PageDomainView",
    "PageDomainViewDataItem",
    "PageEndpointView",
    "PageEndpointViewDataItem",
    "PageExpertView",
    "PageExpertViewDataItem",
    "PageGoldItemView",
    "PageGoldItemViewDataItem",
    "PageGoldItemViewDataItemAnswer",
    "PageGoldItemViewDataItemPayload",
    "PageInvitationView",
    "PageInvitationViewDataItem",
    "PageInvoiceView",
    "PageInvoiceViewDataItem",
    "PageItemView",
    "PageItemViewDataItem",
    "PageItemViewDataItemPayload",
    "PageMemberView",
    "PageMemberViewDataItem",
    "PageOrgView",
    "PageOrgViewDataItem",
    "PagePayoutView",
    "PagePayoutViewDataItem",
    "PageProjectView",
    "PageProjectViewDataItem",
    "PageRosterInvitationView",
    "PageRosterInvitationViewDataItem",
    "PageShiftView",
    "PageShiftViewDataItem",
    "PageSliceView",
    "PageSliceViewDataItem",
    "PageTimeEntryView",
    "PageTimeEntryViewDataItem",
    "PageTimesheetView",
    "PageTimesheetViewDataItem",
    "PageWorkView",
    "PageWorkViewDataItem",
    "PageWorkViewDataItemPayload",
    "PageWorkViewDataItemYourLabelType0",
    "PaidInterval",
    "PairAgreement",
    "ParticipantResult",
    "PasswordChangeRequest",
    "PasswordResetConfirm",
    "PasswordResetRequest",
    "PayoutAccountView",
    "PayoutView",
    "PayRateView",
    "PlanReport",
    "Problem",
    "ProfileInput",
    "Progress",
    "ProjectBudgetEvent",
    "ProjectQuality",
    "ProjectSlice",
    "ProjectStatus",
    "ProjectView",
    "Rate",
    "Readiness",
    "Reason",
    "ReasonRequest",
    "RefreshRequest",
    "RegisterRequest",
    "RegisterResponse",
    "RejectRequest",
    "ReliabilityHealth",
    "ReliabilityReport",
    "RepeatSession",
    "RequirementInput",
    "RequirementStatus",
    "RequirementView",
    "ResolvedLine",
    "ResultsPage",
    "ReviewRequest",
    "RosterChange",
    "RosterCoverage",
    "RosterDashboard",
    "RosterExitRequest",
    "RosterExperts",
    "RosterHistory",
    "RosterInvitationStatus",
    "RosterInvitationView",
    "RosterMembershipView",
    "RoutingExplanation",
    "RowResult",
    "RowStatus",
    "RunReport",
    "Scope",
    "SessionResults",
    "SetAvailability",
    "SetStatusRequest",
    "SetTierRequest",
    "Share",
    "ShiftView",
    "SliceCoverage",
    "SliceDashboard",
    "SliceReliabilityLowEvent",
    "SliceScores",
    "SliceStatus",
    "SliceTimeliness",
    "SliceView",
    "SliceVisibility",
    "Stakes",
    "StandingEventView",
    "StandingEventViewDetails",
    "StandingHistory",
    "StandingList",
    "StandingView",
    "Status",
    "StatusCounts",
    "StripePayment",
    "SubmitRequest",
    "SubmitRequestLabel",
    "SubmittedTimesheetRef",
    "Thresholds",
    "Tier",
    "TierChange",
    "TierCounts",
    "TimeEntryView",
    "TimesheetDisputedEvent",
    "TimesheetResolution",
    "TimesheetSubmittedEvent",
    "TimesheetView",
    "TokenResponse",
    "TransactionView",
    "TransitionList",
    "TransitionRequest",
    "TransitionView",
    "TrialBalance",
    "TrustedReviewerRequest",
    "UpdateDomainRequest",
    "UpdateEndpoint",
    "UpdateItemRequest",
    "UpdateItemsRequest",
    "UpdateProjectRequest",
    "UpdateSliceRequest",
    "UserView",
    "ValidateLabelRequest",
    "ValidateLabelRequestLabel",
    "ValidLabel",
    "VendorAgreement",
    "VendorAgreementView",
    "VendorComparison",
    "VendorResult",
    "VerifyEmailRequest",
    "VettingStatus",
    "WebhookAck",
    "WebhookTestEvent",
    "Weekday",
    "WeekEarnings",
    "WeeklySlot",
    "WeekNumbers",
    "WorkConstitution",
    "WorkProject",
    "WorkRole",
    "WorkSessionView",
    "WorkSlice",
    "WorkSliceLabelSchema",
    "WorkStatus",
    "WorkView",
    "WorkViewPayload",
    "WorkViewYourLabelType0",
)
