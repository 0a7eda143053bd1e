// The tables of migrations/{postgres,sqlite}, written once for both engines
// (portable types only: Text, Bool, Integer, BigInt, Timestamp, Binary).

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        email_normalized -> Text,
        password_hash -> Text,
        display_name -> Text,
        is_platform_admin -> Bool,
        is_expert -> Bool,
        email_verified_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    orgs (id) {
        id -> Text,
        kind -> Text,
        name -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        approval_status -> Text,
        approval_reason -> Nullable<Text>,
        approval_decided_at -> Nullable<Timestamp>,
        approval_decided_by -> Nullable<Text>,
        trusted_reviewer -> Bool,
    }
}

diesel::table! {
    memberships (id) {
        id -> Text,
        org_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        org_id -> Text,
        email -> Text,
        email_normalized -> Text,
        role -> Text,
        token_hash -> Text,
        invited_by -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        accepted_by -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        email -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        org_id -> Text,
        name -> Text,
        prefix -> Text,
        secret_hash -> Text,
        scopes -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        revoked_by -> Nullable<Text>,
    }
}

diesel::table! {
    rate_limit_hits (id) {
        id -> Text,
        bucket -> Text,
        key_hash -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        key_kind -> Text,
        key_hash -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        at -> Timestamp,
        actor_type -> Text,
        actor_id -> Nullable<Text>,
        org_id -> Nullable<Text>,
        action -> Text,
        subject_type -> Text,
        subject_id -> Nullable<Text>,
        details -> Text,
        request_id -> Nullable<Text>,
    }
}

diesel::table! {
    jobs (id) {
        id -> Text,
        queue -> Text,
        kind -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        run_at -> Timestamp,
        locked_by -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    domains (id) {
        id -> Text,
        slug -> Text,
        parent_id -> Nullable<Text>,
        name -> Text,
        description -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    domain_requirements (id) {
        id -> Text,
        domain_id -> Text,
        kind -> Text,
        field -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    slices (id) {
        id -> Text,
        key -> Text,
        org_id -> Nullable<Text>,
        scope -> Text,
        domain_id -> Text,
        name -> Text,
        description -> Text,
        label_kind -> Text,
        label_schema -> Text,
        measurement_level -> Text,
        language -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    projects (id) {
        id -> Text,
        org_id -> Text,
        name -> Text,
        description -> Text,
        domain_id -> Text,
        status -> Text,
        constitution_version -> Nullable<Integer>,
        overlap -> Integer,
        gold_rate -> Double,
        adjudication -> Bool,
        default_deadline_secs -> BigInt,
        bill_rate_minor -> BigInt,
        currency -> Text,
        budget_cap_minor -> Nullable<BigInt>,
        excluded_vendor_ids -> Text,
        excluded_expert_ids -> Text,
        affiliation_keywords -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        show_judge_confidence -> Bool,
        expire_overdue_after_hours -> Nullable<Integer>,
        budget_state -> Text,
        budget_warning_armed -> Bool,
        budget_reached_armed -> Bool,
    }
}

diesel::table! {
    project_slices (id) {
        id -> Text,
        project_id -> Text,
        org_id -> Text,
        slice_id -> Text,
        min_qualification -> Text,
        created_at -> Timestamp,
        reliability_low_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    constitutions (id) {
        id -> Text,
        project_id -> Text,
        org_id -> Text,
        version -> Integer,
        title -> Text,
        status -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        published_by -> Nullable<Text>,
    }
}

diesel::table! {
    constitution_clauses (id) {
        id -> Text,
        constitution_id -> Text,
        org_id -> Text,
        clause_id -> Text,
        position -> Integer,
        text -> Text,
        examples -> Text,
        counter_examples -> Text,
    }
}

diesel::table! {
    gold_items (id) {
        id -> Text,
        owner_kind -> Text,
        org_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        scope -> Text,
        slice_id -> Text,
        external_id -> Nullable<Text>,
        payload -> Text,
        answer -> Text,
        answer_choice -> Nullable<Text>,
        answer_strength -> Nullable<BigInt>,
        answer_score -> Nullable<BigInt>,
        answer_both_bad -> Bool,
        explanation -> Text,
        cited_clauses -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        certified_at -> Nullable<Timestamp>,
        certified_by -> Nullable<Text>,
    }
}

diesel::table! {
    lab_standings (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        org_id -> Text,
        successes -> Double,
        failures -> Double,
        n -> BigInt,
        as_of -> Nullable<Timestamp>,
        status -> Text,
        status_reason -> Text,
        status_changed_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    experts (id) {
        id -> Text,
        user_id -> Text,
        vendor_id -> Nullable<Text>,
        handle -> Text,
        display_name -> Text,
        headline -> Text,
        bio -> Text,
        domain_ids -> Text,
        languages -> Text,
        time_zone -> Text,
        country -> Text,
        affiliations -> Text,
        desired_rate_minor -> BigInt,
        desired_currency -> Text,
        contact_consent -> Bool,
        vetting_status -> Text,
        status_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        open_assignments -> Integer,
    }
}

diesel::table! {
    vetting_transitions (id) {
        id -> Text,
        expert_id -> Text,
        from_status -> Nullable<Text>,
        to_status -> Text,
        reason -> Text,
        actor_type -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    credentials (id) {
        id -> Text,
        expert_id -> Text,
        vendor_id -> Nullable<Text>,
        kind -> Text,
        issuer -> Text,
        identifier -> Nullable<Text>,
        field -> Text,
        jurisdiction -> Nullable<Text>,
        issued_on -> Nullable<Date>,
        expires_on -> Nullable<Date>,
        status -> Text,
        review_reason -> Nullable<Text>,
        reviewed_by -> Nullable<Text>,
        reviewed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        issuer_domain -> Nullable<Text>,
        expiry_reminded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    evidence_files (id) {
        id -> Text,
        credential_id -> Text,
        expert_id -> Text,
        filename -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    credential_email_checks (id) {
        id -> Text,
        credential_id -> Text,
        expert_id -> Text,
        email -> Text,
        domain -> Text,
        token_hash -> Text,
        status -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    job_schedules (kind) {
        kind -> Text,
        queue -> Text,
        next_run_at -> Timestamp,
        last_run_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    slice_standings (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        status -> Text,
        status_reason -> Text,
        status_changed_at -> Timestamp,
        tier -> Text,
        tier_changed_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        alpha -> Double,
        beta -> Double,
        score_bound -> Double,
        theta -> Nullable<Double>,
        theta_drawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    slice_standing_events (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        aspect -> Text,
        from_value -> Text,
        to_value -> Text,
        reason -> Text,
        details -> Text,
        actor_type -> Text,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    assessments (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        status -> Text,
        item_count -> Integer,
        correct_count -> Nullable<Integer>,
        threshold_bp -> Integer,
        started_at -> Timestamp,
        due_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
        active_seconds -> Nullable<BigInt>,
        missed_clauses -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    assignments (id) {
        id -> Text,
        role -> Text,
        expert_id -> Text,
        slice_id -> Text,
        gold_item_id -> Nullable<Text>,
        assessment_id -> Nullable<Text>,
        position -> Integer,
        status -> Text,
        offered_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        due_at -> Timestamp,
        label -> Nullable<Text>,
        label_choice -> Nullable<Text>,
        label_strength -> Nullable<BigInt>,
        label_score -> Nullable<BigInt>,
        label_both_bad -> Nullable<Bool>,
        cited_clauses -> Nullable<Text>,
        correct -> Nullable<Bool>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        item_id -> Nullable<Text>,
        org_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        constitution_version -> Nullable<Integer>,
        priority -> Integer,
        standing_at_offer -> Nullable<Text>,
        decline_reason -> Nullable<Text>,
        ended_at -> Nullable<Timestamp>,
        active_seconds -> Nullable<BigInt>,
        calibration_session_id -> Nullable<Text>,
        standing_at_submit -> Nullable<Text>,
    }
}

diesel::table! {
    items (id) {
        id -> Text,
        org_id -> Text,
        project_id -> Text,
        slice_id -> Text,
        external_id -> Text,
        payload -> Text,
        judge_confidence -> Nullable<Double>,
        stakes -> Text,
        priority -> Integer,
        deadline_at -> Timestamp,
        status -> Text,
        status_reason -> Text,
        created_by_key -> Nullable<Text>,
        created_by_user -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        constitution_version -> Nullable<Integer>,
        resolution -> Nullable<Text>,
        final_label -> Nullable<Text>,
        attention_reason -> Nullable<Text>,
        effective_priority -> Integer,
        urgency -> Integer,
        overdue_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    work_sessions (id) {
        id -> Text,
        assignment_id -> Text,
        expert_id -> Text,
        started_at -> Timestamp,
        last_beat_at -> Timestamp,
    }
}

diesel::table! {
    outcomes (id) {
        id -> Text,
        event -> Text,
        org_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        slice_id -> Text,
        item_id -> Nullable<Text>,
        gold_item_id -> Nullable<Text>,
        assignment_id -> Nullable<Text>,
        expert_id -> Nullable<Text>,
        role -> Nullable<Text>,
        label -> Nullable<Text>,
        label_choice -> Nullable<Text>,
        label_strength -> Nullable<BigInt>,
        label_score -> Nullable<BigInt>,
        label_both_bad -> Nullable<Bool>,
        reference -> Nullable<Text>,
        reference_choice -> Nullable<Text>,
        reference_strength -> Nullable<BigInt>,
        reference_score -> Nullable<BigInt>,
        reference_both_bad -> Nullable<Bool>,
        correct -> Nullable<Bool>,
        agreed -> Nullable<Bool>,
        resolution -> Nullable<Text>,
        offered_at -> Nullable<Timestamp>,
        accepted_at -> Nullable<Timestamp>,
        submitted_at -> Nullable<Timestamp>,
        active_seconds -> BigInt,
        occurred_at -> Timestamp,
    }
}

diesel::table! {
    calibration_sessions (id) {
        id -> Text,
        org_id -> Nullable<Text>,
        slice_id -> Text,
        title -> Text,
        set_key -> Text,
        gold_item_ids -> Text,
        pass_threshold -> Double,
        opens_at -> Timestamp,
        closes_at -> Timestamp,
        status -> Text,
        origin -> Text,
        reason -> Text,
        repeat_of -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    calibration_participants (id) {
        id -> Text,
        session_id -> Text,
        expert_id -> Text,
        status -> Text,
        answered -> Integer,
        correct -> Integer,
        total -> Integer,
        passed -> Nullable<Bool>,
        completed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    slice_health (slice_id) {
        slice_id -> Text,
        health -> Text,
        alpha -> Nullable<Double>,
        items -> Integer,
        checked_at -> Timestamp,
        changed_at -> Timestamp,
        corrective_session_id -> Nullable<Text>,
    }
}

diesel::table! {
    appeals (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        kind -> Text,
        subject_id -> Text,
        gold_item_id -> Nullable<Text>,
        decider_org_id -> Nullable<Text>,
        explanation -> Text,
        status -> Text,
        decision_reason -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    score_profiles (id) {
        id -> Text,
        expert_id -> Text,
        slice_id -> Text,
        metric -> Text,
        successes -> Double,
        failures -> Double,
        n -> BigInt,
        as_of -> Nullable<Timestamp>,
        pairs -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    routing_decisions (id) {
        id -> Text,
        item_id -> Text,
        org_id -> Text,
        role -> Text,
        wanted -> Integer,
        chosen -> Text,
        removed -> Text,
        scanned -> Integer,
        sampled -> Integer,
        note -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    gold_offers (assignment_id) {
        assignment_id -> Text,
        project_id -> Text,
        displaced_item_id -> Nullable<Text>,
        shown_confidence -> Nullable<Double>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    gold_pool_alerts (id) {
        id -> Text,
        expert_id -> Text,
        project_id -> Text,
        slice_id -> Text,
        pool_size -> Integer,
        alerted_at -> Timestamp,
    }
}

diesel::joinable!(evidence_files -> credentials (credential_id));
diesel::joinable!(vetting_transitions -> experts (expert_id));
diesel::joinable!(project_slices -> projects (project_id));
diesel::joinable!(project_slices -> slices (slice_id));
diesel::joinable!(constitution_clauses -> constitutions (constitution_id));
diesel::joinable!(domain_requirements -> domains (domain_id));
diesel::joinable!(slices -> domains (domain_id));
diesel::joinable!(memberships -> orgs (org_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(invitations -> orgs (org_id));
diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        org_id -> Text,
        url -> Text,
        description -> Text,
        events -> Text,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamp>,
        enabled -> Bool,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        deleted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        org_id -> Text,
        endpoint_id -> Text,
        event_id -> Text,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        attempt_limit -> Integer,
        next_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_attempts (id) {
        id -> Text,
        delivery_id -> Text,
        attempted_at -> Timestamp,
        status_code -> Nullable<Integer>,
        error -> Nullable<Text>,
        response_body -> Nullable<Text>,
        duration_ms -> BigInt,
    }
}

diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(api_keys -> orgs (org_id));

diesel::table! {
    expert_schedules (expert_id) {
        expert_id -> Text,
        time_zone -> Text,
        weekly_rules -> Text,
        max_minutes_per_week -> Integer,
        min_notice_minutes -> Integer,
        calendar_token_hash -> Nullable<Text>,
        calendar_token_created_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    availability_exceptions (id) {
        id -> Text,
        expert_id -> Text,
        available -> Bool,
        starts_local -> Timestamp,
        ends_local -> Timestamp,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    capacity_requests (id) {
        id -> Text,
        org_id -> Text,
        project_id -> Text,
        slice_id -> Text,
        minutes_needed -> BigInt,
        window_start -> Timestamp,
        window_end -> Timestamp,
        min_shift_minutes -> Integer,
        max_shift_minutes -> Integer,
        min_experts -> Integer,
        status -> Text,
        shortfall_minutes -> BigInt,
        shortfall_experts -> Integer,
        note -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        planned_at -> Timestamp,
    }
}

diesel::table! {
    shifts (id) {
        id -> Text,
        capacity_request_id -> Text,
        org_id -> Text,
        project_id -> Text,
        slice_id -> Text,
        expert_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        status -> Text,
        sequence -> Integer,
        reason -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    scheduling_lock (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    ledger_transactions (id) {
        id -> Text,
        kind -> Text,
        description -> Text,
        source_type -> Text,
        source_id -> Text,
        reverses -> Nullable<Text>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    ledger_entries (id) {
        id -> Text,
        transaction_id -> Text,
        account_kind -> Text,
        owner_id -> Nullable<Text>,
        currency -> Text,
        amount -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    time_entries (id) {
        id -> Text,
        expert_id -> Text,
        source_type -> Text,
        source_id -> Text,
        payer_type -> Text,
        payer_org_id -> Nullable<Text>,
        vendor_org_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        slice_id -> Text,
        role -> Text,
        seconds -> BigInt,
        measured_seconds -> BigInt,
        cap_seconds -> BigInt,
        idle_limit_secs -> BigInt,
        sessions -> Text,
        week_start -> Timestamp,
        worked_at -> Timestamp,
        created_at -> Timestamp,
        pay_minor -> Nullable<BigInt>,
        pay_currency -> Nullable<Text>,
        paid_sessions -> Text,
        concurrent_seconds -> BigInt,
    }
}

diesel::table! {
    pay_rates (id) {
        id -> Text,
        expert_id -> Text,
        project_id -> Text,
        currency -> Text,
        pay_per_hour_minor -> BigInt,
        basis -> Text,
        effective_week -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    vendor_agreements (vendor_org_id) {
        vendor_org_id -> Text,
        margin_bps -> BigInt,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    timesheets (id) {
        id -> Text,
        expert_id -> Text,
        project_id -> Text,
        org_id -> Text,
        vendor_org_id -> Nullable<Text>,
        currency -> Text,
        week_start -> Timestamp,
        status -> Text,
        bill_rate_minor -> Nullable<BigInt>,
        pay_rate_minor -> Nullable<BigInt>,
        platform_fee_bps -> Nullable<BigInt>,
        vendor_margin_bps -> Nullable<BigInt>,
        pay_floor_per_hour_minor -> Nullable<BigInt>,
        floor_top_up_minor -> BigInt,
        submitted_at -> Nullable<Timestamp>,
        auto_approve_at -> Nullable<Timestamp>,
        disputed_at -> Nullable<Timestamp>,
        approved_at -> Nullable<Timestamp>,
        approved_by_type -> Nullable<Text>,
        approved_by -> Nullable<Text>,
        resolution_note -> Nullable<Text>,
        invoice_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    timesheet_lines (id) {
        id -> Text,
        timesheet_id -> Text,
        slice_id -> Text,
        entries -> Integer,
        measured_seconds -> BigInt,
        approved_seconds -> Nullable<BigInt>,
        dispute_reason -> Nullable<Text>,
        bill_minor -> Nullable<BigInt>,
        pay_minor -> Nullable<BigInt>,
        vendor_margin_minor -> Nullable<BigInt>,
        platform_minor -> Nullable<BigInt>,
        ledger_transaction_id -> Nullable<Text>,
    }
}

diesel::table! {
    invoices (id) {
        id -> Text,
        org_id -> Text,
        currency -> Text,
        status -> Text,
        period_start -> Timestamp,
        period_end -> Timestamp,
        total_minor -> BigInt,
        collection -> Text,
        stripe_payment_intent_id -> Nullable<Text>,
        stripe_client_secret -> Nullable<Text>,
        issued_at -> Timestamp,
        paid_at -> Nullable<Timestamp>,
        paid_reference -> Nullable<Text>,
        paid_by -> Nullable<Text>,
    }
}

diesel::table! {
    invoice_lines (id) {
        id -> Text,
        invoice_id -> Text,
        project_id -> Text,
        slice_id -> Text,
        bill_rate_minor -> BigInt,
        seconds -> BigInt,
        timesheets -> Integer,
        amount_minor -> BigInt,
    }
}

diesel::table! {
    payout_accounts (expert_id) {
        expert_id -> Text,
        stripe_account_id -> Text,
        details_submitted -> Bool,
        payouts_enabled -> Bool,
        requirements_due -> Text,
        last_bank_payout_status -> Nullable<Text>,
        last_bank_payout_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    payouts (id) {
        id -> Text,
        expert_id -> Text,
        currency -> Text,
        amount_minor -> BigInt,
        method -> Text,
        status -> Text,
        stripe_account_id -> Nullable<Text>,
        stripe_transfer_id -> Nullable<Text>,
        idempotency_key -> Text,
        attempts -> Integer,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        retry_of -> Nullable<Text>,
        ledger_transaction_id -> Nullable<Text>,
        created_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        paid_at -> Nullable<Timestamp>,
        failed_at -> Nullable<Timestamp>,
        paid_reference -> Nullable<Text>,
        paid_by -> Nullable<Text>,
    }
}

diesel::table! {
    stripe_events (id) {
        id -> Text,
        #[sql_name = "type"]
        type_ -> Text,
        outcome -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    payments_lock (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    roster_invitations (id) {
        id -> Text,
        vendor_org_id -> Text,
        email -> Text,
        email_normalized -> Text,
        message -> Text,
        token_hash -> Text,
        invited_by -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
        accepted_by_expert -> Nullable<Text>,
        declined_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    roster_memberships (id) {
        id -> Text,
        expert_id -> Text,
        vendor_org_id -> Text,
        joined_via -> Text,
        invitation_id -> Nullable<Text>,
        joined_at -> Timestamp,
        left_at -> Nullable<Timestamp>,
        left_reason -> Nullable<Text>,
        left_note -> Nullable<Text>,
        left_by -> Nullable<Text>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    users,
    orgs,
    memberships,
    invitations,
    sessions,
    refresh_tokens,
    email_tokens,
    api_keys,
    login_failures,
    rate_limit_hits,
    lab_standings,
    audit_events,
    jobs,
    domains,
    domain_requirements,
    slices,
    projects,
    project_slices,
    constitutions,
    constitution_clauses,
    gold_items,
    experts,
    vetting_transitions,
    credentials,
    evidence_files,
    credential_email_checks,
    job_schedules,
    slice_standings,
    slice_standing_events,
    assessments,
    assignments,
    items,
    work_sessions,
    outcomes,
    routing_decisions,
    gold_offers,
    gold_pool_alerts,
    score_profiles,
    appeals,
    calibration_sessions,
    calibration_participants,
    slice_health,
    webhook_endpoints,
    webhook_deliveries,
    webhook_attempts,
    expert_schedules,
    availability_exceptions,
    capacity_requests,
    shifts,
    scheduling_lock,
    ledger_transactions,
    ledger_entries,
    time_entries,
    pay_rates,
    vendor_agreements,
    timesheets,
    timesheet_lines,
    invoices,
    invoice_lines,
    payout_accounts,
    payouts,
    stripe_events,
    payments_lock,
    roster_invitations,
    roster_memberships,
);
