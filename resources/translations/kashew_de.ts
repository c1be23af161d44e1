<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountJson</name>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key may not change data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key is sent only over https:// (or http:// to this computer); %1 is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an opportunity whose %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an opportunity (item %1 of page %2) whose %3 cannot be read: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an account whose %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Collapse or expand this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the previous stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1
Weighted %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted on the server while you changed it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep my version (it is created again on the server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let it go (delete it here too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed both here and on the server. Choose the value to keep for each field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Resolve conflict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard my unsent changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opportunity selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved here; waiting to be sent to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted by the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History not fetched yet: it is fetched when you open a record online, then kept for offline reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only these stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this account&apos;s deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this owner&apos;s deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show archived deals instead of live ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stages</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>1 deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · total %2 · weighted %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonValueReader</name>
    <message>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date and time (ISO 8601)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListEnvelope</name>
    <message>
        <source>the response is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>The cache %1 was written by a newer kashew: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cache %1 cannot be read (%2) and cannot be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a new cache at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The local cache could not be read (%1). It was moved to %2 and a new one was created; %n pending edit(s) were kept. Everything else will be downloaded again at the next sync.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>integrity check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is being sent to the server right now; delete it once it is saved there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no conflict to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the changes are being sent to the server right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here, but changed on the server since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed here and on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server while edited here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outbox entry is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is gone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes could not be discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key may only read: editing is not allowed. Your unsent edits are kept; enter a key with write access in the settings to send them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New opportunity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About kashew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About kashew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;kashew %1&lt;/h3&gt;&lt;p&gt;Your kashew.ai sales pipeline on the desktop: it works offline and never loses an edit.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opportunity could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; permanently? This cannot be undone, here or on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server changed: restart kashew to open that server&apos;s workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available (%1): the key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a server: everything is kept on this computer. Open the settings (File ▸ Settings) to enter your server and API key; your work is sent then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 edit waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 edits waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online · up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1 Your edits are kept here and sent when the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the API key (%1). Enter a valid key in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks to slow down: %1 kashew tries again by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 4217 code, such as USD or EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &amp;close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value must be a number, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account from the list, or &quot;No account&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityJson</name>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of prospecting, qualification, proposal, negotiation, closed_won, closed_lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a date as YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpportunityListModel</name>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: the expected close date has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key may only read: deals cannot be moved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditCommand</name>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 deals to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaMigrations</name>
    <message>
        <source>the database has schema version %1, newer than this program knows (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only on demand (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n opportunity(ies) on the server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Prospecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial outreach, qualifying interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed fit, budget discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal sent, awaiting decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terms being negotiated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal won ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal lost ✗</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The record keeps changing on the server; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this edit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key may only read: editing is not allowed. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>kashew-desktop: your kashew.ai sales pipeline, offline-first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server base URL, e.g. https://kashew.ai/api/v1 (remembered in the profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder: settings and caches (default: your data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the list or the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kashew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain cannot be read (%1). Set KASHEW_API_KEY, or enter the key in the settings for this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
