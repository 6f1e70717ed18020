import { defineTable, type TableSpec } from "@leadforge/core";
import {
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  CLOSE_OUTCOMES,
  EMAIL_DOMAIN_TYPES,
  EMPLOYEE_BANDS,
  MATURITY_BANDS,
  PLANS,
  REVENUE_BANDS,
  SENIORITIES,
  SESSION_TYPES,
  STAGES,
  SUBSCRIPTION_STATUSES,
  TOUCH_DIRECTIONS,
  TOUCH_TYPES,
} from "./vocabulary.js";

const ref = (table: string, column: string) => ({ table, column });

/** `accounts`: one row per buyer account. */
export const ACCOUNTS = defineTable({
  name: "accounts",
  description: "Buyer companies (accounts) in the vendor's market.",
  primaryKey: "account_id",
  columns: [
    { name: "account_id", type: "string", role: "identifier", description: "Account id (acct_…)." },
    { name: "company_name", type: "string", description: "Synthetic company name." },
    {
      name: "industry",
      type: "string",
      description: "Industry (one of the narrative's ICP industries).",
    },
    { name: "region", type: "string", description: "Region / geography." },
    {
      name: "employee_band",
      type: "string",
      categories: EMPLOYEE_BANDS,
      description: "Headcount band.",
    },
    {
      name: "estimated_revenue_band",
      type: "string",
      categories: REVENUE_BANDS,
      description: "Annual revenue band (correlated with headcount).",
    },
    {
      name: "process_maturity_band",
      type: "string",
      categories: MATURITY_BANDS,
      description: "Maturity of the account's procurement/AP process.",
    },
    {
      name: "created_at",
      type: "date",
      role: "timestamp",
      description: "Date the account entered the CRM.",
    },
  ],
});

/** `contacts`: people at accounts. */
export const CONTACTS = defineTable({
  name: "contacts",
  description: "People at buyer accounts.",
  primaryKey: "contact_id",
  columns: [
    { name: "contact_id", type: "string", role: "identifier", description: "Contact id (cnt_…)." },
    {
      name: "account_id",
      type: "string",
      role: "identifier",
      references: ref("accounts", "account_id"),
      description: "The contact's account.",
    },
    {
      name: "job_title",
      type: "string",
      description: "Job title (a title variant of the persona).",
    },
    { name: "role_function", type: "string", description: "Persona role." },
    { name: "seniority", type: "string", categories: SENIORITIES, description: "Seniority level." },
    {
      name: "buyer_role",
      type: "string",
      description: "Role in the buying decision (the persona's decision authority).",
    },
    {
      name: "email_domain_type",
      type: "string",
      categories: EMAIL_DOMAIN_TYPES,
      description: "Kind of e-mail domain the contact used.",
    },
    {
      name: "created_at",
      type: "date",
      role: "timestamp",
      description: "Date the contact entered the CRM.",
    },
  ],
});

/** `leads`: one row per lead (the task's unit). */
export const LEADS = defineTable({
  name: "leads",
  description:
    "Marketing-qualified leads: one contact's buying interest, created on a date, owned by a rep.",
  primaryKey: "lead_id",
  columns: [
    { name: "lead_id", type: "string", role: "identifier", description: "Lead id (lead_…)." },
    {
      name: "contact_id",
      type: "string",
      role: "identifier",
      references: ref("contacts", "contact_id"),
      description: "The lead's contact.",
    },
    {
      name: "account_id",
      type: "string",
      role: "identifier",
      references: ref("accounts", "account_id"),
      description: "The lead's account (= the contact's account).",
    },
    {
      name: "lead_created_at",
      type: "date",
      role: "timestamp",
      description: "Date the lead was created (its day 0).",
    },
    { name: "lead_source", type: "string", description: "Acquisition channel." },
    {
      name: "first_touch_channel",
      type: "string",
      description: "Channel of the first touch (= lead_source).",
    },
    {
      name: "current_stage",
      type: "string",
      categories: STAGES,
      description: "Funnel stage at the end of the simulated horizon.",
    },
    { name: "owner_rep_id", type: "string", description: "Owning sales rep (rep_…)." },
    {
      name: "is_sql",
      type: "bool",
      description:
        "Whether the lead reached sql (or a later stage) through the funnel within the horizon.",
    },
    {
      name: "converted_within_90_days",
      type: "bool",
      role: "label",
      description: "Closed-won within the label window of lead creation.",
    },
    {
      name: "conversion_timestamp",
      type: "timestamp",
      nullable: true,
      role: "timestamp",
      description: "When the lead closed-won (null if it did not).",
    },
  ],
});

/** `touches`: marketing and sales touches. */
export const TOUCHES = defineTable({
  name: "touches",
  description: "Marketing and sales touches (e-mails, calls, messages, downloads, webinars).",
  primaryKey: "touch_id",
  columns: [
    {
      name: "touch_id",
      type: "string",
      role: "identifier",
      description: "Touch id (touch_…), numbered chronologically.",
    },
    {
      name: "lead_id",
      type: "string",
      role: "identifier",
      references: ref("leads", "lead_id"),
      description: "The lead touched.",
    },
    {
      name: "touch_timestamp",
      type: "timestamp",
      role: "timestamp",
      description: "When the touch happened (UTC).",
    },
    { name: "touch_type", type: "string", categories: TOUCH_TYPES, description: "Kind of touch." },
    { name: "touch_channel", type: "string", description: "Channel that produced the touch." },
    {
      name: "touch_direction",
      type: "string",
      categories: TOUCH_DIRECTIONS,
      description: "inbound (lead-initiated) or outbound (vendor-initiated).",
    },
    {
      name: "campaign_id",
      type: "string",
      nullable: true,
      description: "Marketing campaign of an inbound touch (null for outbound).",
    },
  ],
});

/** `sessions`: web sessions. */
export const SESSIONS = defineTable({
  name: "sessions",
  description: "Web sessions on the vendor's site by the lead's contact.",
  primaryKey: "session_id",
  columns: [
    {
      name: "session_id",
      type: "string",
      role: "identifier",
      description: "Session id (sess_…), numbered chronologically.",
    },
    {
      name: "lead_id",
      type: "string",
      role: "identifier",
      references: ref("leads", "lead_id"),
      description: "The lead.",
    },
    {
      name: "session_timestamp",
      type: "timestamp",
      role: "timestamp",
      description: "Session start (UTC).",
    },
    {
      name: "session_type",
      type: "string",
      categories: SESSION_TYPES,
      description:
        "demo_page if a demo page was viewed, else pricing_page if pricing was viewed, else website.",
    },
    {
      name: "page_views",
      type: "int32",
      unit: "pages",
      bounds: { min: 1 },
      description: "Pages viewed in the session.",
    },
    {
      name: "pricing_page_views",
      type: "int32",
      unit: "pages",
      bounds: { min: 0 },
      description: "Pricing pages viewed.",
    },
    {
      name: "demo_page_views",
      type: "int32",
      unit: "pages",
      bounds: { min: 0 },
      description: "Demo pages viewed.",
    },
    {
      name: "session_duration_seconds",
      type: "int32",
      unit: "seconds",
      bounds: { min: 0 },
      description: "Session duration.",
    },
  ],
});

/** `sales_activities`: rep activities. */
export const SALES_ACTIVITIES = defineTable({
  name: "sales_activities",
  description: "Sales-rep activities on leads that sales has accepted (sal … negotiation).",
  primaryKey: "activity_id",
  columns: [
    {
      name: "activity_id",
      type: "string",
      role: "identifier",
      description: "Activity id (act_…), numbered chronologically.",
    },
    {
      name: "lead_id",
      type: "string",
      role: "identifier",
      references: ref("leads", "lead_id"),
      description: "The lead.",
    },
    { name: "rep_id", type: "string", description: "Rep who performed it (the lead's owner)." },
    {
      name: "activity_timestamp",
      type: "timestamp",
      role: "timestamp",
      description: "When (UTC).",
    },
    {
      name: "activity_type",
      type: "string",
      categories: ACTIVITY_TYPES,
      description: "Kind of activity.",
    },
    {
      name: "activity_outcome",
      type: "string",
      categories: ACTIVITY_OUTCOMES,
      description: "Outcome.",
    },
  ],
});

/** `opportunities`: one per lead that reached sql or converted. */
export const OPPORTUNITIES = defineTable({
  name: "opportunities",
  description: "Sales opportunities: one per lead that reached sql (or converted directly).",
  primaryKey: "opportunity_id",
  columns: [
    {
      name: "opportunity_id",
      type: "string",
      role: "identifier",
      description: "Opportunity id (opp_…), numbered by creation date.",
    },
    {
      name: "lead_id",
      type: "string",
      role: "identifier",
      references: ref("leads", "lead_id"),
      description: "The lead.",
    },
    {
      name: "created_at",
      type: "date",
      role: "timestamp",
      description: "Date the lead reached sql (or converted directly).",
    },
    {
      name: "stage",
      type: "string",
      categories: STAGES,
      description:
        "Stage of the lead (instructor: at the end of the horizon; public: as of the lead's snapshot cutoff).",
    },
    {
      name: "estimated_acv",
      type: "int64",
      unit: "USD",
      bounds: { min: 0 },
      description: "Estimated annual contract value.",
    },
    {
      name: "close_outcome",
      type: "string",
      nullable: true,
      categories: CLOSE_OUTCOMES,
      description: "closed_won / closed_lost, or null while open.",
    },
    {
      name: "closed_at",
      type: "date",
      nullable: true,
      role: "timestamp",
      description: "Date the opportunity closed (null while open).",
    },
  ],
});

/** `customers`: one per conversion. */
export const CUSTOMERS = defineTable({
  name: "customers",
  description: "Customers created by closed-won opportunities.",
  primaryKey: "customer_id",
  columns: [
    {
      name: "customer_id",
      type: "string",
      role: "identifier",
      description: "Customer id (cust_…), numbered by start date.",
    },
    {
      name: "opportunity_id",
      type: "string",
      role: "identifier",
      references: ref("opportunities", "opportunity_id"),
      description: "The won opportunity.",
    },
    {
      name: "account_id",
      type: "string",
      role: "identifier",
      references: ref("accounts", "account_id"),
      description: "The customer's account.",
    },
    {
      name: "customer_start_at",
      type: "date",
      role: "timestamp",
      description: "Date the customer started (= conversion date).",
    },
  ],
});

/** `subscriptions`: one per customer. */
export const SUBSCRIPTIONS = defineTable({
  name: "subscriptions",
  description: "Subscriptions of new customers.",
  primaryKey: "subscription_id",
  columns: [
    {
      name: "subscription_id",
      type: "string",
      role: "identifier",
      description: "Subscription id (sub_…).",
    },
    {
      name: "customer_id",
      type: "string",
      role: "identifier",
      references: ref("customers", "customer_id"),
      description: "The customer.",
    },
    {
      name: "plan_name",
      type: "string",
      categories: PLANS,
      description: "Plan by ACV: starter < 30k, growth < 80k, enterprise ≥ 80k USD.",
    },
    { name: "subscription_start_at", type: "date", role: "timestamp", description: "Start date." },
    {
      name: "subscription_status",
      type: "string",
      categories: SUBSCRIPTION_STATUSES,
      description: "Status (active within the horizon).",
    },
  ],
});

/** The nine relational tables in output order. */
export const RELATIONAL_TABLES: readonly TableSpec[] = [
  ACCOUNTS,
  CONTACTS,
  LEADS,
  TOUCHES,
  SESSIONS,
  SALES_ACTIVITIES,
  OPPORTUNITIES,
  CUSTOMERS,
  SUBSCRIPTIONS,
];
