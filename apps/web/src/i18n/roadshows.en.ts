import type { RsMessages } from './roadshows.zh';

const rsEn: RsMessages = {
  rs: {
    min: 'min', hours: 'h', sessionsCount: '{{count}} sessions',
    eventStatus: { draft: 'Draft', open: 'Open for applications', closed: 'Applications closed', live: 'Live', finished: 'Finished' },
    statusHint: { draft: 'Sessions and questions', open: 'Startups apply', closed: 'Screening and scheduling', live: 'The day itself', finished: 'Follow-ups and report' },
    statusAction: { draft: 'Back to draft', open: 'Open applications', closed: 'Close applications', live: 'Start the event', finished: 'Finish the event' },
    visibility: { public: 'Public (listed for everyone)', unlisted: 'Unlisted (apply by link)' },
    tz: { Asia_Shanghai: 'China time (Asia/Shanghai)', Asia_Hong_Kong: 'Hong Kong time (Asia/Hong_Kong)', Asia_Singapore: 'Singapore time (Asia/Singapore)', Europe_London: 'London time (Europe/London)', America_New_York: 'New York time (America/New_York)' },
    role: { founder: 'Startup', investor: 'Investor' },
    tabs: { overview: 'Overview & sessions', applicants: 'Applicants', agenda: 'Agenda', investors: 'Investors', meetings: '1:1 meetings', followUps: 'Follow-ups', report: 'Report' },
    events: {
      title: 'Roadshows', new: 'New event', regionFilter: 'Filter by region', loadMore: 'Load more', noneInRegion: 'No roadshow in this region yet', introOrganizer: 'Create roadshow events, screen applicants, order the agenda, invite investors and schedule 1:1 meetings.',
      introFounder: 'Roadshows open for applications: apply with a published project; once accepted, your agenda and meetings appear here.',
      introInvestor: 'Roadshows you are invited to: see the agenda, request meetings and get your check-in code.',
      empty: 'No roadshow events yet', emptyHint: 'New events appear here when they open for applications.', emptyHintOrganizer: 'Create your first roadshow, e.g. “Golden Rabbit Roadshow · Life & Health”.',
    },
    create: {
      title: 'New roadshow event', intro: 'A new event starts as a draft; add at least one session to open applications. Times are in the event’s time zone.', createdOk: 'Event created',
      name: 'Event name', namePlaceholder: 'e.g. Golden Rabbit Roadshow 2026 · No. 1', nameRequired: 'Enter the event name', description: 'Description',
      descriptionPlaceholder: 'Host, theme, which startups and investors it is for…', date: 'Date', dateRequired: 'Pick a date', hours: 'Hours', hoursRequired: 'Pick the start and end time',
      timeZone: 'Time zone', venue: 'Venue', region: 'Region', regionHint: 'Founders find roadshows by region', venuePlaceholder: 'e.g. Roadshow Centre, 1 Finance St, Binhu, Wuxi', deadline: 'Application deadline', deadlineHint: 'Closes at 23:59 that day',
      capacity: 'Places', capacityHint: 'Leave empty for no limit', visibility: 'Visibility', questions: 'Application questions', questionsHint: 'What applicants must answer, e.g. “What will this round fund?”',
      questionPlaceholder: 'Question', questionRequired: 'Enter the question', questionMandatory: 'Required', addQuestion: 'Add a question', submit: 'Create event',
    },
    overview: { details: 'Event details', sessions: 'Sessions', needSession: 'Add a session before opening applications.', movedOk: 'The event is now “{{status}}”' },
    session: {
      add: 'Add session', addedOk: 'Session added', empty: 'No sessions yet. Each session has a theme track, hours, a room and a number of pitches.', name: 'Session name', namePlaceholder: 'e.g. Life & Health session',
      nameRequired: 'Enter the session name', track: 'Theme track', trackHint: 'Applicants in this track rank first', room: 'Room', roomPlaceholder: 'e.g. Hall 1', hours: 'Hours ({{day}})',
      time: 'Time', maxPitches: 'Pitches', pitchMinutes: 'Pitch', qaMinutes: 'Q&A', format: 'Format', formatValue: '{{n}} pitches × ({{p}} + {{q}} min)',
    },
    applicationStatus: { pending: 'Pending', accepted: 'Accepted', waitlisted: 'Waitlisted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
    decision: { accepted: 'Accept', waitlisted: 'Waitlist', rejected: 'Reject' },
    applicants: {
      title: 'Applicants', accepted: 'Accepted', allSessions: 'All sessions', project: 'Project / company', theme: 'Theme fit', themeMatch: 'Fits the theme', themeOff: 'Off theme',
      mandates: 'Invited investors', mandatesValue: '{{n}} of {{of}} mandates', mandatesHint: 'Mandates of the invited investors whose hard rules this project meets', noInvestors: 'No investor invited yet',
      bestScore: 'Best match', techSme: 'Tech SME · qualifications', points: '{{n}} pts', status: 'Status', rankHint: 'Ranked by theme fit, then by how many invited investors’ mandates take the project, then by the best match score.',
      empty: 'No applications yet', emptyHint: 'Once applications are open, startups apply from the event page.', emptyHintDraft: 'The event is a draft: add a session and open applications so startups can apply.',
      decidedOk: '“{{name}}” is now {{status}}', rejectTitle: 'Reject “{{name}}”', reason: 'Reason (the startup sees it)', reasonHint: 'Be specific so the startup can act on it, e.g. “This session is on medical devices; the AI session next month fits better.”',
      reasonRequired: 'Enter a reason',
    },
    agenda: {
      title: 'Agenda', order: 'Pitch order', ofMax: '{{n}} of {{max}} places', candidates: 'Accepted, not yet placed', noCandidates: 'No accepted project is waiting for a place.', add: 'Add',
      empty: 'The agenda is empty', emptyHint: 'Add accepted projects from the right; drag or use the arrows to reorder.', up: 'Move up', down: 'Move down', remove: 'Remove',
      savedOk: 'Agenda saved', publish: 'Publish agenda', publishConfirm: 'Publishing freezes the agenda and notifies startups and investors. Publish now?', publishedOk: 'Agenda published',
      published: 'Published', draft: 'Not published', frozenHint: 'The agenda is published and frozen; participants’ calendars follow it.', needSession: 'Add a session under “Overview & sessions” first.',
    },
    investors: {
      suggestions: 'Suggested investors', invitations: 'Invited', name: 'Organization', matching: 'Projects it takes', projectsN: '{{count}}', bestScore: 'Best match', invite: 'Invite', invited: 'Invited',
      invitedOk: '{{name}} invited', noSuggestions: 'No suggestions yet', noSuggestionsHint: 'Once you accept projects, funds and banks whose mandates take them are suggested here.',
      noInvitations: 'No investors invited yet', rsvp: 'RSVP', code: 'Check-in code', checkedIn: 'Checked in',
    },
    rsvp: { invited: 'No reply yet', accepted: 'Attending', declined: 'Not attending' },
    gridForm: {
      card: 'Meeting grid', set: 'Set up the grid', title: '1:1 meeting grid', hours: 'Meeting hours', lunch: 'Lunch', lunchHint: 'Lunch splits the day into morning and afternoon', slotMinutes: 'Slot length', tables: 'Tables',
      ttl: 'Requests expire after', minMeetings: 'At least per party', maxMeetings: 'At most per party', quota: 'Pending requests per party', perParticipant: 'Meetings per party', slots: 'Slots',
      slotsValue: '{{n}} × {{m}} min', savedOk: 'Saved: {{n}} slots', empty: 'No meeting grid yet', emptyHint: 'Set the hours, slot length and tables; then participants can request meetings.',
    },
    run: {
      title: 'Scheduler', participants: 'Participants', accepted: 'Accepted requests', pending: 'Pending requests', publishedMeetings: 'Published meetings', start: 'Run the scheduler', replan: 'Re-plan',
      publish: 'Publish schedule', publishedOk: 'Schedule published: both parties of each meeting are told ({{n}} in all)', needGrid: 'Set up the meeting grid first.', noAccepted: 'No accepted meeting requests yet.',
      meetings: 'Meetings scheduled', vsMip: 'Of the proven optimum', vsLp: 'Of the upper bound', breaks: 'Idle gaps', breaksBound: ' (bound {{n}})', time: 'Solve time', weight: 'Weighted meetings',
      lpBound: 'LP upper bound', mipBound: 'MIP optimum', boundMeetings: '(meetings ≈ {{n}})', maxBreaks: 'Most gaps for one party',
      boundHintMip: 'Small enough to solve exactly: the ratio compares this plan with the proven optimum (integer programme).', boundHintLp: 'The ratio compares this plan with the LP relaxation’s upper bound; the true optimum is no higher.',
      unscheduled: '{{count}} requests could not be placed', moved: '{{count}} published meetings moved',
    },
    runStatus: { queued: 'Queued', running: 'Solving', done: 'Done, not published', failed: 'Failed', published: 'Published', superseded: 'Superseded' },
    unscheduledReason: { NO_COMMON_SLOT: 'No slot where both are free', PARTICIPANT_FULL: 'One party reached its maximum', PARTICIPANT_BUSY: 'Every common slot is taken by their other meetings', NO_TABLE: 'Every table is taken' },
    grid: {
      title: 'Meetings', previewTitle: 'Schedule preview', preview: 'Not published', participant: 'Participant', afterLunch: 'After lunch', breaks: 'Gaps', table: 'Table {{table}}',
      lock: 'Lock (re-planning keeps it)', unlock: 'Unlock', lockedOk: 'Meeting locked', unlockedOk: 'Meeting unlocked', lockHint: 'Drag a meeting to a slot where both are free to move it (it is then locked); click the lock to pin one', movedOk: 'Moved to {{time}} · table {{table}}, and locked',
      empty: 'No meetings yet', emptyHint: 'Run the scheduler: each meeting appears here by participant and slot.',
    },
    requests: { title: 'Meeting requests', from: 'From', to: 'To', priority: 'Priority', score: 'Weight', status: 'Status' },
    priority: { must: 'Must meet', would_like: 'Would like' },
    requestStatus: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', withdrawn: 'Withdrawn', expired: 'Expired' },
    checkIn: {
      title: 'Check-in desk', code: 'Check-in code', codeRequired: 'Enter the check-in code', submit: 'Check in', welcome: 'Checked in at {{time}}', arrivals: 'Arrivals', notYet: 'Not yet',
    },
    followUps: {
      title: 'Follow-ups', intro: 'Follow-ups after meetings, due in Chinese working days (public holidays and make-up workdays counted).', empty: 'No follow-ups yet', emptyHint: 'Publishing the schedule creates a follow-up for both sides of every meeting.',
      lane: { open: 'Open', overdue: 'Overdue', done: 'Done' }, kind: { investor_replies: 'Investor replies with interest', founder_sends_data_room: 'Startup sends the data room' },
      due: 'Due {{date}} ({{n}} working days)', provisional: 'Provisional', provisionalHint: 'That year’s holiday notice is not out yet; the deadline may move', you: 'Your organization', other: 'Other side',
      markDone: 'Mark done', doneOk: 'Done',
    },
    report: {
      generatedAt: 'Figures as of {{time}}', export: 'Export to Excel', applications: 'Applications', accepted: 'Accepted', sessions: 'Sessions', investors: 'Investors invited', attending: ' · {{n}} came',
      meetings: 'Meetings scheduled', held: ' · {{n}} held', signed: 'Signed', funnelTitle: 'Funnel', meetingsTitle: '1:1 meetings', followUpsTitle: 'Follow-ups (working-day deadlines)', dealsTitle: 'Deals by instrument',
      sessionsTitle: 'Sessions', onAgenda: 'On the agenda', pitched: 'Pitched', onTimeRate: 'On time', late: 'Late', open: 'Open', onTime: 'On time', total: 'Total', kind: 'Task', noDeals: 'No deal recorded yet',
      funnel: { applied: 'Applied', accepted: 'Accepted', pitched: 'Pitched', met: 'Met', interested: 'Interested', due_diligence: 'Due diligence', term_sheet: 'Term sheet', signed: 'Signed', disbursed: 'Disbursed', passed: 'Passed' },
      meeting: { requested: 'Requested', accepted: 'Accepted', scheduled: 'Scheduled', held: 'Held', noShow: 'No-show', cancelled: 'Cancelled' },
    },
    apply: {
      title: 'Apply to the roadshow', project: 'Project', projectHint: 'Only published projects can apply', session: 'Session', sessionAny: 'Let the organizer decide', share: 'Let the organizer read our financial figures during the event',
      shareHint: 'Used for screening and investor suggestions; ends with the event and can be revoked at any time.', submit: 'Submit application', submittedOk: 'Application submitted; the organizer will review it', apply: 'Apply',
      noProject: 'Publish a project first', deadline: 'Applications close {{date}}', closed: 'Not open for applications',
    },
    mine: {
      applications: 'My applications', noApplications: 'You have not applied to any roadshow yet', event: 'Event', project: 'Project', status: 'Status', reason: 'Organizer’s note', withdraw: 'Withdraw',
      withdrawnOk: 'Application withdrawn', meetings: 'My meetings', agenda: 'Agenda', noMeetings: 'No meetings scheduled yet', with: 'With', time: 'Time', table: 'Table',
      requests: 'Meeting requests', request: 'Request a meeting', requestTitle: 'Request a 1:1 with a participant', to: 'With', message: 'Message', priority: 'Priority', sent: 'Meeting request sent',
      accept: 'Accept', decline: 'Decline', accepted: 'Accepted', declined: 'Declined', incoming: 'Received', outgoing: 'Sent', noRequests: 'No meeting requests',
      myCode: 'My check-in code', rsvpAccept: 'Attend', rsvpDecline: 'Decline', rsvpOk: 'Reply sent', download: 'Add to calendar',
    },
  },
  figures: {
    title: 'Figures, IP and qualifications', intro: 'Yearly figures, IP and the qualifications you hold drive most indicators of the qualification report; only your members, organizations you grant access and organizers of events you apply to see them.',
    tabYears: 'Yearly figures', tabIp: 'IP', tabQualifications: 'Qualifications', year: 'Fiscal year', filed: '{{year}} filed', savedOk: 'Figures for {{year}} saved', people: 'people',
    field: {
      headcount: 'Headcount', techStaff: 'Tech staff', rdStaff: 'R&D staff', revenue: 'Revenue', mainBusinessRevenue: 'Main-business revenue', highTechRevenue: 'High-tech product revenue',
      totalCosts: 'Total costs', rdSpend: 'R&D spend', rdSpendInChina: 'R&D spend in China', totalAssets: 'Total assets', liabilities: 'Liabilities', newEquityRaised: 'New equity raised',
    },
    ipType: {
      invention_patent: 'Invention patent', utility_model: 'Utility model', design: 'Design patent', software_copyright: 'Software copyright', new_plant_variety: 'New plant variety', ic_layout: 'IC layout design',
      national_new_drug: 'National new drug', protected_tcm_1: 'Protected TCM (grade 1)', trademark: 'Trademark',
    },
    ipTypeLabel: 'Type', ipNumber: 'Number (e.g. ZL202110123456.7)', ipTitle: 'Title', grantedOn: 'Granted on', tied: 'Tied to the main product', add: 'Add', ipAdded: 'IP item added',
    noIp: 'No IP recorded yet', removeConfirm: 'Delete it?', kind: 'Qualification', certificate: 'Certificate number', validFrom: 'Valid from', validUntil: 'Valid until', validity: 'Validity',
    qualificationAdded: 'Qualification added', noQualifications: 'No qualification recorded yet',
  },
  notif: {
    title: 'Notifications', bell: 'Notifications', unread: '{{count}} unread', empty: 'No notifications', emptyHint: 'Decisions on applications, meeting requests, published agendas and follow-up reminders appear here.', markAll: 'Mark all as read',
    markRead: 'Mark as read', all: 'All', onlyUnread: 'Unread', viewAll: 'See all', open: 'Open',
  },
  profile: {
    title: 'Profile', intro: 'Your name and language are yours alone; e-mails and screens use the language you pick.', displayName: 'Name', mobile: 'Mobile', locale: 'Language', email: 'Sign-in e-mail',
    savedOk: 'Profile saved', memberships: 'Organizations', role: 'Role', current: 'Current', switchTo: 'Switch',
  },
};

export default rsEn;
