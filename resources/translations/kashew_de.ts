<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountJson</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The API key is sent only over https:// (or http:// to this computer); %1 is not.</source>
        <translation>Der API-Schlüssel wird nur über https:// (oder http:// an diesen Computer) gesendet; %1 erfüllt diese Bedingung nicht.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not JSON: %1</source>
        <translation>Die Antwort des Servers ist kein JSON: %1</translation>
    </message>
    <message>
        <source>The server sent an account whose %1 cannot be read: %2</source>
        <translation>Der Server hat einen Kunden gesendet, dessen Feld %1 nicht gelesen werden kann: %2</translation>
    </message>
    <message>
        <source>%1; and %2 more</source>
        <translation>%1; und %2 weitere</translation>
    </message>
    <message>
        <source>kashew cannot read an opportunity the server sent: %1</source>
        <translation>kashew kann eine vom Server gesendete Verkaufschance nicht lesen: %1</translation>
    </message>
    <message>
        <source>kashew cannot read %1 opportunities the server sent: %2</source>
        <translation>kashew kann %1 vom Server gesendete Verkaufschancen nicht lesen: %2</translation>
    </message>
    <message>
        <source>Rate limit exceeded. Try again in %1 seconds.</source>
        <translation>Anfragelimit überschritten. Versuchen Sie es in %1 Sek. erneut.</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Collapse or expand this column</source>
        <translation>Diese Spalte ein- oder ausklappen</translation>
    </message>
    <message>
        <source>Move to the previous stage</source>
        <translation>In die vorherige Phase verschieben</translation>
    </message>
    <message>
        <source>Move to the next stage</source>
        <translation>In die nächste Phase verschieben</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Verschieben nach</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot; to %2?</source>
        <translation>„%1“ nach %2 verschieben?</translation>
    </message>
    <message numerus="yes">
        <source>Move %n deals to %1?</source>
        <translation>
            <numerusform>%n Deal nach %1 verschieben?</numerusform>
            <numerusform>%n Deals nach %1 verschieben?</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Nach %1 verschieben</translation>
    </message>
    <message>
        <source>The probability becomes %1%. Edit ▸ Undo takes the move back.</source>
        <translation>Die Wahrscheinlichkeit wird auf %1 % gesetzt. Mit Bearbeiten ▸ Rückgängig lässt sich das Verschieben zurücknehmen.</translation>
    </message>
    <message>
        <source>Add a deal to %1</source>
        <translation>Einen Deal in %1 anlegen</translation>
    </message>
</context>
<context>
    <name>BudgetLowering</name>
    <message>
        <source>%1st</source>
        <comment>ordinal</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1nd</source>
        <comment>ordinal</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1rd</source>
        <comment>ordinal</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>%1th</source>
        <comment>ordinal</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <source>lowered to %1 an hour after the server refused the %2</source>
        <translation>auf %1 pro Stunde gesenkt, nachdem der Server die %2 Anfrage abgelehnt hat</translation>
    </message>
    <message>
        <source>lowered to %1 writes a day after the server refused the %2</source>
        <translation>auf %1 Schreibzugriffe pro Tag gesenkt, nachdem der Server den %2 abgelehnt hat</translation>
    </message>
</context>
<context>
    <name>BudgetSettingsPage</name>
    <message>
        <source>What your API key may spend. The hosted API&apos;s plans limit requests an hour and writes a day and do not say so: pick yours. Before a bulk change takes more than a day of writes, kashew says how long it takes to reach the server.</source>
        <translation>Was Ihr API-Schlüssel verbrauchen darf. Die Tarife der gehosteten API begrenzen Anfragen pro Stunde und Schreibzugriffe pro Tag, ohne es mitzuteilen: Wählen Sie Ihren. Braucht eine Sammeländerung mehr als einen Tag an Schreibzugriffen, sagt kashew vorher, wie lange sie bis zum Server braucht.</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Größter</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
    <message>
        <source>&amp;Requests an hour:</source>
        <translation>&amp;Anfragen pro Stunde:</translation>
    </message>
    <message>
        <source>&amp;Writes a day:</source>
        <translation>&amp;Schreibzugriffe pro Tag:</translation>
    </message>
    <message>
        <source>Enter a number from 0 (no limit) to %L1.</source>
        <translation>Geben Sie eine Zahl von 0 (unbegrenzt) bis %L1 ein.</translation>
    </message>
    <message>
        <source>kashew keeps to less than this plan: %1. Pick another plan to end that.</source>
        <translation>kashew bleibt unter diesem Tarif: %1. Wählen Sie einen anderen Tarif, um das zu beenden.</translation>
    </message>
</context>
<context>
    <name>BudgetText</name>
    <message>
        <source>%1 of %2 requests left this hour</source>
        <translation>%1 von %2 Anfragen in dieser Stunde übrig</translation>
    </message>
    <message>
        <source>%1 of %2 writes today</source>
        <translation>%1 von %2 Schreibzugriffen heute</translation>
    </message>
    <message>
        <source>next sync %1</source>
        <translation>nächste Synchronisierung %1</translation>
    </message>
    <message>
        <source>%1 of %2 deals fetched</source>
        <translation>%1 von %2 Deals geholt</translation>
    </message>
    <message>
        <source>%1 deals fetched</source>
        <translation>%1 Deals geholt</translation>
    </message>
    <message>
        <source>%1; continues with the next sync</source>
        <translation>%1; geht bei der nächsten Synchronisierung weiter</translation>
    </message>
    <message>
        <source>%1; continues at %2</source>
        <translation>%1; geht um %2 weiter</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>change of owner of &apos;%1&apos;</source>
        <translation>Änderung der Zuständigkeit von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>change of owner of %n deals</source>
        <translation>
            <numerusform>Änderung der Zuständigkeit von %n Deal</numerusform>
            <numerusform>Änderung der Zuständigkeit von %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>change of close date of &apos;%1&apos;</source>
        <translation>Änderung des Abschlussdatums von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>change of close date of %n deals</source>
        <translation>
            <numerusform>Änderung des Abschlussdatums von %n Deal</numerusform>
            <numerusform>Änderung des Abschlussdatums von %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>archive of &apos;%1&apos;</source>
        <translation>Archivierung von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>archive of %n deals</source>
        <translation>
            <numerusform>Archivierung von %n Deal</numerusform>
            <numerusform>Archivierung von %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>unarchive of &apos;%1&apos;</source>
        <translation>Aufhebung der Archivierung von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>unarchive of %n deals</source>
        <translation>
            <numerusform>Aufhebung der Archivierung von %n Deal</numerusform>
            <numerusform>Aufhebung der Archivierung von %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>change of probability of &apos;%1&apos;</source>
        <translation>Änderung der Wahrscheinlichkeit von „%1“</translation>
    </message>
    <message numerus="yes">
        <source>change of probability of %n deals</source>
        <translation>
            <numerusform>Änderung der Wahrscheinlichkeit von %n Deal</numerusform>
            <numerusform>Änderung der Wahrscheinlichkeit von %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>Change s&amp;tage…</source>
        <translation>&amp;Phase ändern…</translation>
    </message>
    <message>
        <source>Change o&amp;wner…</source>
        <translation>&amp;Zuständige ändern…</translation>
    </message>
    <message>
        <source>Change &amp;close date…</source>
        <translation>Abschluss&amp;datum ändern…</translation>
    </message>
    <message>
        <source>Change &amp;probability…</source>
        <translation>Wahrscheinlich&amp;keit ändern…</translation>
    </message>
    <message numerus="yes">
        <source>This change of %n deals takes %1 days of your plan&apos;s %L2 writes a day to reach the server. kashew saves it here now and sends it as the plan allows.</source>
        <translation>
            <numerusform>Diese Änderung von %n Deal braucht %1 Tage der %L2 Schreibzugriffe pro Tag Ihres Tarifs, bis sie beim Server ist. kashew speichert sie jetzt hier und sendet sie, wie der Tarif es erlaubt.</numerusform>
            <numerusform>Diese Änderung von %n Deals braucht %1 Tage der %L2 Schreibzugriffe pro Tag Ihres Tarifs, bis sie beim Server ist. kashew speichert sie jetzt hier und sendet sie, wie der Tarif es erlaubt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change of many deals</source>
        <translation>Änderung vieler Deals</translation>
    </message>
    <message>
        <source>Save and send over time</source>
        <translation>Speichern und nach und nach senden</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>Die Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Change the stage of %n deal(s)</source>
        <translation>
            <numerusform>Phase von %n Deal ändern</numerusform>
            <numerusform>Phase von %n Deals ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message numerus="yes">
        <source>Change the owner of %n deal(s)</source>
        <translation>
            <numerusform>Zuständige für %n Deal ändern</numerusform>
            <numerusform>Zuständige für %n Deals ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a person, or type an owner id</source>
        <translation>Wählen Sie eine Person oder geben Sie eine ID ein</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>&amp;Zuständig:</translation>
    </message>
    <message numerus="yes">
        <source>Change the expected close date of %n deal(s)</source>
        <translation>
            <numerusform>Voraussichtlichen Abschluss von %n Deal ändern</numerusform>
            <numerusform>Voraussichtlichen Abschluss von %n Deals ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Expected &amp;close:</source>
        <translation>Voraussichtlicher &amp;Abschluss:</translation>
    </message>
    <message numerus="yes">
        <source>Change the probability of %n deal(s)</source>
        <translation>
            <numerusform>Wahrscheinlichkeit von %n Deal ändern</numerusform>
            <numerusform>Wahrscheinlichkeit von %n Deals ändern</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation>&amp;Wahrscheinlichkeit:</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>No account</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>Kein Abschlussdatum</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · überfällig</translation>
    </message>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation>Wartet auf Übertragung an den Server</translation>
    </message>
    <message>
        <source>Overdue: its expected close date has passed</source>
        <translation>Überfällig: Das voraussichtliche Abschlussdatum ist verstrichen</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>Zuständig: %1</translation>
    </message>
</context>
<context>
    <name>ChangesRequests</name>
    <message>
        <source>The server&apos;s change feed cannot be read: %1 is missing.</source>
        <translation>Der Änderungs-Feed des Servers ist nicht lesbar: %1 fehlt.</translation>
    </message>
</context>
<context>
    <name>CloseWindow</name>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>Ohne Abschlussdatum</translation>
    </message>
    <message>
        <source>Closing after %1</source>
        <translation>Abschluss nach %1</translation>
    </message>
    <message>
        <source>Closing from %1</source>
        <translation>Abschluss ab %1</translation>
    </message>
    <message>
        <source>Closing in %1</source>
        <translation>Abschluss im %1</translation>
    </message>
    <message>
        <source>Closing %1 to %2</source>
        <translation>Abschluss %1 bis %2</translation>
    </message>
</context>
<context>
    <name>CloseWindowChip</name>
    <message>
        <source>Clear the close date filter</source>
        <translation>Filter nach Abschlussdatum aufheben</translation>
    </message>
    <message>
        <source>Show deals of every close date again</source>
        <translation>Wieder Deals jedes Abschlussdatums anzeigen</translation>
    </message>
    <message>
        <source>Only deals of this expected close: %1</source>
        <translation>Nur Deals mit diesem voraussichtlichen Abschluss: %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted on the server while you changed it here.</source>
        <translation>„%1“ wurde auf dem Server gelöscht, während Sie es hier geändert haben.</translation>
    </message>
    <message>
        <source>Keep my version (it is created again on the server)</source>
        <translation>Meine Version behalten (wird auf dem Server neu angelegt)</translation>
    </message>
    <message>
        <source>Let it go (delete it here too)</source>
        <translation>Verwerfen (auch hier löschen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed both here and on the server. Choose the value to keep for each field.</source>
        <translation>„%1“ wurde sowohl hier als auch auf dem Server geändert. Wählen Sie für jedes Feld den Wert, der erhalten bleiben soll.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mein Wert</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>ConnectionSetup</name>
    <message>
        <source>The system keychain cannot be read (%1). Set KASHEW_API_KEY, or enter the key in the settings for this session.</source>
        <translation>Der Schlüsselbund des Systems kann nicht gelesen werden (%1). Setzen Sie KASHEW_API_KEY oder geben Sie den Schlüssel in den Einstellungen für diese Sitzung ein.</translation>
    </message>
    <message>
        <source>The server changed: restart kashew to open that server&apos;s workspace.</source>
        <translation>Der Server wurde geändert: Starten Sie kashew neu, um den Arbeitsbereich dieses Servers zu öffnen.</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1): the key is kept for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1): Der Schlüssel wird nur für diese Sitzung gespeichert.</translation>
    </message>
</context>
<context>
    <name>CsvActions</name>
    <message>
        <source>The deals could not be saved to %1: %2</source>
        <translation>Die Deals konnten nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Nothing can be imported: %1</source>
        <translation>Nichts kann importiert werden: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n deal(s).</source>
        <translation>
            <numerusform>%n Deal importiert.</numerusform>
            <numerusform>%n Deals importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%n row(s) skipped).</source>
        <translation>
            <numerusform>%1 importiert (%n Zeile übersprungen).</numerusform>
            <numerusform>%1 importiert (%n Zeilen übersprungen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n Deal</numerusform>
            <numerusform>%n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>deals-%1.csv</source>
        <translation>deals-%1.csv</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n deal(s) to %1.</source>
        <translation>
            <numerusform>%n Deal nach %1 exportiert.</numerusform>
            <numerusform>%n Deals nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: a quoted field is not closed.</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>Line %1: there is text after the closing quote of a field.</source>
        <translation>Zeile %1: Nach dem schließenden Anführungszeichen eines Felds steht noch Text.</translation>
    </message>
    <message>
        <source>Line %1: this is not a text file (a spreadsheet&apos;s own file rather than CSV?).</source>
        <translation>Zeile %1: Das ist keine Textdatei (eher die eigene Datei einer Tabellenkalkulation als CSV?).</translation>
    </message>
    <message>
        <source>The file has no rows.</source>
        <translation>Die Datei hat keine Zeilen.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Resolve conflict…</source>
        <translation>Konflikt lösen…</translation>
    </message>
    <message>
        <source>Discard my unsent changes</source>
        <translation>Meine nicht gesendeten Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Phase:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>Wahrscheinlichkeit:</translation>
    </message>
    <message>
        <source>Weighted:</source>
        <translation>Gewichtet:</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>Voraussichtlicher Abschluss:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Zuständig:</translation>
    </message>
    <message>
        <source>Archived:</source>
        <translation>Archiviert:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Aktualisiert:</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No opportunity selected</source>
        <translation>Keine Verkaufschance ausgewählt</translation>
    </message>
    <message>
        <source>Saved on the server.</source>
        <translation>Auf dem Server gespeichert.</translation>
    </message>
    <message>
        <source>Saved here; waiting to be sent to the server.</source>
        <translation>Lokal gespeichert; wartet auf Übertragung an den Server.</translation>
    </message>
    <message>
        <source>Not accepted by the server: %1</source>
        <translation>Vom Server nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>History not fetched yet: it is fetched when you open a record online, then kept for offline reading.</source>
        <translation>Verlauf noch nicht abgerufen: Er wird abgerufen, wenn Sie einen Eintrag online öffnen, und danach für die Offline-Ansicht gespeichert.</translation>
    </message>
    <message>
        <source>No changes since it was created.</source>
        <translation>Seit der Erstellung nicht geändert.</translation>
    </message>
</context>
<context>
    <name>EmptyResultNotice</name>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>No deals match these filters.</source>
        <translation>Keine Deals passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>No archived deals match these filters.</source>
        <translation>Keine archivierten Deals passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>No archived deals.</source>
        <translation>Keine archivierten Deals.</translation>
    </message>
    <message>
        <source>No live deals: every deal is archived.</source>
        <translation>Keine aktiven Deals: alle Deals sind archiviert.</translation>
    </message>
    <message>
        <source>No deals yet: add the first one.</source>
        <translation>Noch keine Deals: legen Sie den ersten an.</translation>
    </message>
    <message>
        <source>Show live deals</source>
        <translation>Aktive Deals zeigen</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The deals &amp;shown (%L1)</source>
        <translation>Die &amp;angezeigten Deals (%L1)</translation>
    </message>
    <message>
        <source>&amp;All deals (%L1)</source>
        <translation>A&amp;lle Deals (%L1)</translation>
    </message>
    <message>
        <source>&amp;Neutral (comma, ISO dates, dot decimals)</source>
        <translation>&amp;Neutral (Komma, ISO-Datum, Dezimalpunkt)</translation>
    </message>
    <message>
        <source>For a s&amp;preadsheet in %1</source>
        <translation>Für eine &amp;Tabellenkalkulation auf %1</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>The list&apos;s rows, in its order, with its visible columns</source>
        <translation>Die Zeilen der Liste, in ihrer Reihenfolge, mit ihren sichtbaren Spalten</translation>
    </message>
    <message>
        <source>Every deal in the cache, archived ones too, with every field</source>
        <translation>Jeder Deal im Zwischenspeicher, auch archivierte, mit allen Feldern</translation>
    </message>
    <message>
        <source>What other programs and scripts read: fields separated by commas, dates as 2026-07-15, values as 1234.50</source>
        <translation>Was andere Programme und Skripte lesen: Felder durch Kommas getrennt, Datum als 2026-07-15, Werte als 1234.50</translation>
    </message>
    <message>
        <source>Numbers and dates as %1 writes them, so a spreadsheet opens the file without asking</source>
        <translation>Zahlen und Datum, wie man sie auf %1 schreibt, damit eine Tabellenkalkulation die Datei ohne Rückfrage öffnet</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Deals</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Nach Name suchen</translation>
    </message>
    <message>
        <source>Show only these stages</source>
        <translation>Nur diese Phasen anzeigen</translation>
    </message>
    <message>
        <source>Only this account&apos;s deals</source>
        <translation>Nur Deals dieses Kunden</translation>
    </message>
    <message>
        <source>Only this owner&apos;s deals</source>
        <translation>Nur Deals dieser zuständigen Person</translation>
    </message>
    <message>
        <source>Show archived deals instead of live ones</source>
        <translation>Archivierte statt aktiver Deals anzeigen</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>Alle Zuständigen</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Phasen</translation>
    </message>
    <message numerus="yes">
        <source>%n stages</source>
        <translation>
            <numerusform>%n Phase</numerusform>
            <numerusform>%n Phasen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;My deals</source>
        <translation>&amp;Meine Deals</translation>
    </message>
    <message>
        <source>Only your deals: first say which owner you are in Settings → People</source>
        <translation>Nur Ihre Deals: legen Sie zuerst unter Einstellungen → Personen fest, wer Sie sind</translation>
    </message>
    <message>
        <source>Only your deals (%1)</source>
        <translation>Nur Ihre Deals (%1)</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Only stale deals: open deals without a change for as many days as their stage allows (set the days in Settings → Stale deals)</source>
        <translation>Nur veraltete Deals: offene Deals, die so viele Tage unverändert sind, wie ihre Phase erlaubt (die Tage legen Sie unter Einstellungen → Veraltete Deals fest)</translation>
    </message>
</context>
<context>
    <name>ForecastCsv</name>
    <message>
        <source>No owner</source>
        <translation>Niemand zuständig</translation>
    </message>
</context>
<context>
    <name>ForecastOptionsBar</name>
    <message>
        <source>&amp;Weighted</source>
        <translation>Ge&amp;wichtet</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>Copy figures</source>
        <translation>Zahlen kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message>
        <source>How many months from this one on the forecast shows</source>
        <translation>Wie viele Monate ab dem aktuellen die Prognose zeigt</translation>
    </message>
    <message>
        <source>By stage</source>
        <translation>Nach Phase</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>Nach Zuständigen</translation>
    </message>
    <message>
        <source>Each deal&apos;s value times its stage&apos;s probability</source>
        <translation>Wert jedes Deals mal Wahrscheinlichkeit seiner Phase</translation>
    </message>
    <message>
        <source>The currency of the figures; deals in another currency are converted with the rates in Settings ▸ Money</source>
        <translation>Die Währung der Zahlen; Deals in anderer Währung werden mit den Kursen unter Einstellungen ▸ Währungen umgerechnet</translation>
    </message>
    <message>
        <source>Copies the figures of both charts as CSV, for a spreadsheet</source>
        <translation>Kopiert die Zahlen beider Diagramme als CSV, für eine Tabellenkalkulation</translation>
    </message>
    <message>
        <source>Most common currency</source>
        <translation>Häufigste Währung</translation>
    </message>
    <message>
        <source>%1 (base)</source>
        <translation>%1 (Basis)</translation>
    </message>
</context>
<context>
    <name>ForecastRevenueChart</name>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Later (from %1)</source>
        <translation>Später (ab %1)</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>Ohne Abschlussdatum</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Ohne Datum</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Niemand zuständig</translation>
    </message>
    <message>
        <source>Expected revenue</source>
        <translation>Erwarteter Umsatz</translation>
    </message>
    <message>
        <source>Weighted expected revenue: %1</source>
        <translation>Erwarteter Umsatz, gewichtet: %1</translation>
    </message>
    <message>
        <source>Expected revenue: %1</source>
        <translation>Erwarteter Umsatz: %1</translation>
    </message>
    <message>
        <source>No open deals match the filter</source>
        <translation>Keine offenen Deals passen zum Filter</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n deal(s)</source>
        <translation>
            <numerusform>%1 in %n Deal</numerusform>
            <numerusform>%1 in %n Deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n owner(s) with the smallest figures. The owner filter picks one owner, so clicking here filters nothing.</source>
        <translation>
            <numerusform>Die %n zuständige Person mit den kleinsten Zahlen. Der Filter wählt eine zuständige Person, ein Klick hier filtert daher nichts.</numerusform>
            <numerusform>Die %n Zuständigen mit den kleinsten Zahlen. Der Filter wählt eine zuständige Person, ein Klick hier filtert daher nichts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>Save the Forecast as PNG</source>
        <translation>Prognose als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Als PNG speichern</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) in %1 (%2)</source>
        <translation>
            <numerusform>%n Deal in %1 (%2)</numerusform>
            <numerusform>%n Deals in %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out, for want of a rate to %1: %2. A rate in Settings ▸ Money brings them in.</source>
        <translation>Nicht enthalten, da ein Kurs zu %1 fehlt: %2. Ein Kurs unter Einstellungen ▸ Währungen nimmt sie auf.</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) in %1</source>
        <translation>
            <numerusform>%n Deal in %1</numerusform>
            <numerusform>%n Deals in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The amounts leave out %1, for want of a rate to %2; the counts and the win rate include them. A rate in Settings ▸ Money brings them in.</source>
        <translation>Die Beträge enthalten %1 nicht, da ein Kurs zu %2 fehlt; Anzahlen und Abschlussquote enthalten sie. Ein Kurs unter Einstellungen ▸ Währungen nimmt sie auf.</translation>
    </message>
    <message>
        <source>The charts are not shown, so there is no picture to save.</source>
        <translation>Die Diagramme werden nicht angezeigt, es gibt also kein Bild zu speichern.</translation>
    </message>
    <message>
        <source>Forecast %1.png</source>
        <translation>Prognose %1.png</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ForecastWinLossChart</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message numerus="yes">
        <source>Won and lost: win rate %1 (%2 of %n closed deal(s))</source>
        <translation>
            <numerusform>Gewonnen und verloren: Abschlussquote %1 (%2 von %n abgeschlossenen Deal)</numerusform>
            <numerusform>Gewonnen und verloren: Abschlussquote %1 (%2 von %n abgeschlossenen Deals)</numerusform>
        </translation>
    </message>
    <message>
        <source>Won and lost</source>
        <translation>Gewonnen und verloren</translation>
    </message>
    <message>
        <source>No deals won or lost in these months</source>
        <translation>In diesen Monaten keine Deals gewonnen oder verloren</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <source>Won · %1</source>
        <translation>Gewonnen · %1</translation>
    </message>
    <message>
        <source>Lost · %1</source>
        <translation>Verloren · %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n deal(s)</source>
        <translation>
            <numerusform>%1 in %n Deal</numerusform>
            <numerusform>%1 in %n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>Win rate · %1</source>
        <translation>Abschlussquote · %1</translation>
    </message>
    <message>
        <source>%1: %2 won, %3 lost</source>
        <translation>%1: %2 gewonnen, %3 verloren</translation>
    </message>
</context>
<context>
    <name>HistoryFormatter</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Created by %1 in %2, %3</source>
        <translation>Erstellt von %1 in der Phase %2, %3</translation>
    </message>
    <message>
        <source>Created by %1 in %2</source>
        <translation>Erstellt von %1 in der Phase %2</translation>
    </message>
    <message>
        <source>Created by %1, %2</source>
        <translation>Erstellt von %1, %2</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Erstellt von %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Voraussichtlicher Abschluss</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Taken out of the archive</source>
        <translation>Archivierung aufgehoben</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ImportColumnBar</name>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>Field of column %1</source>
        <translation>Feld der Spalte %1</translation>
    </message>
</context>
<context>
    <name>ImportDateReader</name>
    <message>
        <source>not a date: &apos;%1&apos;</source>
        <translation>kein Datum: „%1“</translation>
    </message>
    <message>
        <source>ambiguous date &apos;%1&apos;: write it as %2 or %3</source>
        <translation>mehrdeutiges Datum „%1“: schreiben Sie es als %2 oder %3</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>Latin-1</source>
        <translation>Latin-1</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>&amp;Create new deals</source>
        <translation>Neue Deals &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Update deals by id (create the rest)</source>
        <translation>Deals nach ID akt&amp;ualisieren (die übrigen anlegen)</translation>
    </message>
    <message>
        <source>Import &amp;nothing while any row has an error</source>
        <translation>&amp;Nichts importieren, solange eine Zeile fehlerhaft ist</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Kodierung:</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Rows that would not be imported:</source>
        <translation>Nicht importierbare &amp;Zeilen:</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <comment>deals an import creates</comment>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n Aktualisierung</numerusform>
            <numerusform>%n Aktualisierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile</numerusform>
            <numerusform>%n fehlerhafte Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s)</source>
        <translation>
            <numerusform>%n mögliches Duplikat</numerusform>
            <numerusform>%n mögliche Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n valid row(s)</source>
        <translation>
            <numerusform>%n gültige Zeile &amp;importieren</numerusform>
            <numerusform>%n gültige Zeilen &amp;importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Some rows have errors: correct the file or the columns&apos; fields, or let the valid rows go in alone.</source>
        <translation>Einige Zeilen sind fehlerhaft: Korrigieren Sie die Datei oder die Felder der Spalten, oder importieren Sie nur die gültigen Zeilen.</translation>
    </message>
</context>
<context>
    <name>ImportLookup</name>
    <message>
        <source>no account named &apos;%1&apos;</source>
        <translation>kein Kunde namens „%1“</translation>
    </message>
    <message>
        <source>more than one account is named &apos;%1&apos;: give its id</source>
        <translation>mehr als ein Kunde heißt „%1“: geben Sie die ID an</translation>
    </message>
    <message>
        <source>no person named &apos;%1&apos;</source>
        <translation>keine Person namens „%1“</translation>
    </message>
    <message>
        <source>more than one person is named &apos;%1&apos;: give their id</source>
        <translation>mehr als eine Person heißt „%1“: geben Sie die ID an</translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>no column %1: columns are numbered 1 to %2</source>
        <translation>keine Spalte %1: die Spalten sind von 1 bis %2 nummeriert</translation>
    </message>
    <message>
        <source>no column named &apos;%1&apos;</source>
        <translation>keine Spalte namens „%1“</translation>
    </message>
    <message>
        <source>no field named &apos;%1&apos;</source>
        <translation>kein Feld namens „%1“</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set by the server: it cannot be imported</source>
        <translation>„%1“ setzt der Server: es kann nicht importiert werden</translation>
    </message>
</context>
<context>
    <name>ImportNumberReader</name>
    <message>
        <source>not a number: &apos;%1&apos;</source>
        <translation>keine Zahl: „%1“</translation>
    </message>
    <message>
        <source>not a whole number from 0 to 100: &apos;%1&apos;</source>
        <translation>keine ganze Zahl von 0 bis 100: „%1“</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>&apos;%1&apos; is in %2, the deal in %3</source>
        <translation>„%1“ ist in %2, der Deal in %3</translation>
    </message>
    <message>
        <source>no deal with id &apos;%1&apos;</source>
        <translation>kein Deal mit der ID „%1“</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>no column is mapped to the id, which updating deals by id needs</source>
        <translation>keine Spalte ist der ID zugeordnet, die das Aktualisieren nach ID braucht</translation>
    </message>
    <message>
        <source>no column is mapped to the name, which new deals need</source>
        <translation>keine Spalte ist dem Namen zugeordnet, den neue Deals brauchen</translation>
    </message>
    <message>
        <source>%1 is mapped to more than one column: %2</source>
        <translation>%1 ist mehr als einer Spalte zugeordnet: %2</translation>
    </message>
    <message>
        <source>line %1, %2: %3</source>
        <translation>Zeile %1, %2: %3</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (not imported)</source>
        <translation>%1 (nicht importiert)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>Same name and account as &apos;%1&apos;</source>
        <translation>Gleicher Name und Kunde wie „%1“</translation>
    </message>
    <message>
        <source>Same name and account as line %1</source>
        <translation>Gleicher Name und Kunde wie Zeile %1</translation>
    </message>
</context>
<context>
    <name>ImportValueReader</name>
    <message>
        <source>not a stage: &apos;%1&apos;</source>
        <translation>keine Phase: „%1“</translation>
    </message>
    <message>
        <source>not yes or no: &apos;%1&apos;</source>
        <translation>weder ja noch nein: „%1“</translation>
    </message>
    <message>
        <source>not a currency code: &apos;%1&apos;</source>
        <translation>kein Währungscode: „%1“</translation>
    </message>
</context>
<context>
    <name>JsonValueReader</name>
    <message>
        <source>expected text</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected a date as YYYY-MM-DD</source>
        <translation>Datum im Format YYYY-MM-DD erwartet</translation>
    </message>
    <message>
        <source>expected a date and time (ISO 8601)</source>
        <translation>Datum mit Uhrzeit (ISO 8601) erwartet</translation>
    </message>
</context>
<context>
    <name>ListEnvelope</name>
    <message>
        <source>the response is not JSON</source>
        <translation>die Antwort ist kein JSON</translation>
    </message>
    <message>
        <source>%1: expected a list</source>
        <translation>%1: Liste erwartet</translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message>
        <source>The cache %1 was written by a newer kashew: %2</source>
        <translation>Der Cache %1 wurde von einer neueren kashew-Version geschrieben: %2</translation>
    </message>
    <message>
        <source>The cache %1 cannot be read (%2) and cannot be moved aside.</source>
        <translation>Der Cache %1 ist nicht lesbar (%2) und kann nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create a new cache at %1: %2</source>
        <translation>Unter %1 kann kein neuer Cache angelegt werden: %2</translation>
    </message>
    <message>
        <source>integrity check failed</source>
        <translation>Integritätsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>no such record</source>
        <translation>Eintrag nicht vorhanden</translation>
    </message>
    <message>
        <source>it is being sent to the server right now; delete it once it is saved there</source>
        <translation>er wird gerade an den Server gesendet; löschen Sie ihn, sobald er dort gespeichert ist</translation>
    </message>
    <message>
        <source>no conflict to resolve</source>
        <translation>kein Konflikt zu lösen</translation>
    </message>
    <message>
        <source>the changes are being sent to the server right now</source>
        <translation>die Änderungen werden gerade an den Server gesendet</translation>
    </message>
    <message>
        <source>Deleted here, but changed on the server since.</source>
        <translation>Hier gelöscht, aber inzwischen auf dem Server geändert.</translation>
    </message>
    <message>
        <source>Changed here and on the server.</source>
        <translation>Hier und auf dem Server geändert.</translation>
    </message>
    <message>
        <source>Deleted on the server while edited here.</source>
        <translation>Auf dem Server gelöscht, während es hier bearbeitet wurde.</translation>
    </message>
    <message>
        <source>the record is gone</source>
        <translation>der Eintrag ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>The local cache %1 was an empty file (it was cut short or damaged); nothing pending could be kept. Everything will be downloaded again at the next sync.</source>
        <translation>Der lokale Cache %1 war eine leere Datei (abgeschnitten oder beschädigt); keine ausstehende Änderung konnte erhalten werden. Alles wird bei der nächsten Synchronisierung erneut heruntergeladen.</translation>
    </message>
    <message>
        <source>The local cache %1 cannot be opened: %2. It was left as it is; nothing was changed.</source>
        <translation>Der lokale Cache %1 kann nicht geöffnet werden: %2. Er wurde so belassen, wie er ist; nichts wurde verändert.</translation>
    </message>
    <message>
        <source>The local cache could not be read (%1). It was moved to %2 and a new one was created.</source>
        <translation>Der lokale Cache konnte nicht gelesen werden (%1). Er wurde nach %2 verschoben und ein neuer angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending edit(s) were kept.</source>
        <translation>
            <numerusform>%n ausstehende Änderung wurde erhalten.</numerusform>
            <numerusform>%n ausstehende Änderungen wurden erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending edit(s) could not be read and are lost.</source>
        <translation>
            <numerusform>%n ausstehende Änderung konnte nicht gelesen werden und ist verloren.</numerusform>
            <numerusform>%n ausstehende Änderungen konnten nicht gelesen werden und sind verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Part of the list of pending edits was damaged: edits stored there are lost.</source>
        <translation>Ein Teil der Liste ausstehender Änderungen war beschädigt: Die dort gespeicherten Änderungen sind verloren.</translation>
    </message>
    <message>
        <source>Everything else will be downloaded again at the next sync.</source>
        <translation>Alles andere wird bei der nächsten Synchronisierung erneut heruntergeladen.</translation>
    </message>
    <message>
        <source>no space left on the disk</source>
        <translation>kein Platz mehr auf dem Datenträger</translation>
    </message>
    <message>
        <source>the disk could not be read or written (is it full?)</source>
        <translation>der Datenträger konnte nicht gelesen oder beschrieben werden (ist er voll?)</translation>
    </message>
    <message>
        <source>the file or its folder may not be opened or written</source>
        <translation>die Datei oder ihr Ordner darf nicht geöffnet oder beschrieben werden</translation>
    </message>
    <message>
        <source>another program holds it locked</source>
        <translation>ein anderes Programm hält sie gesperrt</translation>
    </message>
    <message>
        <source>The local cache %1 could not be checked for damage: %2. You can keep working; your changes stay on this computer and nothing is synced until kashew is started again and the check passes.</source>
        <translation>Der lokale Cache %1 konnte nicht auf Schäden geprüft werden: %2. Sie können weiterarbeiten; Ihre Änderungen bleiben auf diesem Computer, und nichts wird synchronisiert, bis kashew neu gestartet wird und die Prüfung gelingt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About kashew</source>
        <translation>&amp;Über kashew</translation>
    </message>
    <message>
        <source>About kashew</source>
        <translation>Über kashew</translation>
    </message>
    <message>
        <source>&lt;h3&gt;kashew %1&lt;/h3&gt;&lt;p&gt;Your kashew.ai sales pipeline on the desktop: it works offline and never loses an edit.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;kashew %1&lt;/h3&gt;&lt;p&gt;Ihre kashew.ai-Vertriebspipeline auf dem Desktop: Sie funktioniert offline und verliert keine Änderung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>The local cache could not be read: %1</source>
        <translation>Der lokale Cache konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <source>&amp;Money</source>
        <translation>&amp;Währungen</translation>
    </message>
    <message>
        <source>The names could not be saved: %1</source>
        <translation>Die Namen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The rates could not be saved: %1</source>
        <translation>Die Kurse konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Sta&amp;le deals</source>
        <translation>Ve&amp;raltete Deals</translation>
    </message>
    <message>
        <source>The stale days could not be saved: %1</source>
        <translation>Die Tage für veraltete Deals konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>&amp;Budget</translation>
    </message>
    <message>
        <source>The budget could not be saved: %1</source>
        <translation>Das Budget konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>MoneySettingsPage</name>
    <message>
        <source>S&amp;et rate</source>
        <translation>Kurs &amp;setzen</translation>
    </message>
    <message>
        <source>&amp;Remove rate</source>
        <translation>Kurs &amp;entfernen</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>keine gewählt</translation>
    </message>
    <message>
        <source>The board and the filter bar add amounts up in this currency</source>
        <translation>Board und Filterleiste rechnen Beträge in dieser Währung zusammen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Kurs</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>Gesetzt am</translation>
    </message>
    <message>
        <source>Amounts in other currencies are added to the base currency&apos;s at your rates; kashew never looks a rate up itself.</source>
        <translation>Beträge in anderen Währungen werden zu Ihren Kursen in die Basiswährung umgerechnet; kashew schlägt nie selbst einen Kurs nach.</translation>
    </message>
    <message>
        <source>&amp;Base currency:</source>
        <translation>&amp;Basiswährung:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>W&amp;ährung:</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>&amp;Kurs:</translation>
    </message>
    <message>
        <source>Base currency: &quot;%1&quot; is not a currency code (three capital letters, such as EUR).</source>
        <translation>Basiswährung: „%1“ ist kein Währungscode (drei Großbuchstaben, etwa EUR).</translation>
    </message>
    <message>
        <source>Base currency: choose one first; rates are to it.</source>
        <translation>Basiswährung: wählen Sie zuerst eine; die Kurse gelten zu ihr.</translation>
    </message>
    <message>
        <source>Currency: &quot;%1&quot; is not a currency code (three capital letters, such as GBP).</source>
        <translation>Währung: „%1“ ist kein Währungscode (drei Großbuchstaben, etwa GBP).</translation>
    </message>
    <message>
        <source>Currency: %1 is the base currency; its rate is always 1.</source>
        <translation>Währung: %1 ist die Basiswährung; ihr Kurs ist immer 1.</translation>
    </message>
    <message>
        <source>Rate: &quot;%1&quot; is not a positive number (what 1 %2 is worth in %3, such as %4).</source>
        <translation>Kurs: „%1“ ist keine positive Zahl (was 1 %2 in %3 wert ist, etwa %4).</translation>
    </message>
    <message>
        <source>Currency: %1 has no rate to remove.</source>
        <translation>Währung: %1 hat keinen Kurs, der entfernt werden könnte.</translation>
    </message>
    <message>
        <source>(base currency)</source>
        <translation>(Basiswährung)</translation>
    </message>
    <message>
        <source>1 %1 = ? %2</source>
        <translation>1 %1 = ? %2</translation>
    </message>
    <message>
        <source>1 %1 = %2 %3</source>
        <translation>1 %1 = %2 %3</translation>
    </message>
    <message>
        <source>missing: its amounts are not converted</source>
        <translation>fehlt: ihre Beträge werden nicht umgerechnet</translation>
    </message>
    <message>
        <source>the settings file %1 could not be written</source>
        <translation>die Einstellungsdatei %1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>None</source>
        <translation>Kein Datum</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>Verkaufschance bearbeiten</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>ISO 4217 code, such as USD or EUR</source>
        <translation>ISO-4217-Code, z. B. USD oder EUR</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation>Wa&amp;hrscheinlichkeit:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Value must be a number, such as %1.</source>
        <translation>Der Wert muss eine Zahl sein, z. B. %1.</translation>
    </message>
    <message>
        <source>Choose an account from the list, or &quot;No account&quot;.</source>
        <translation>Wählen Sie einen Kunden aus der Liste oder „Kein Kunde“.</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message>
        <source>Expected cl&amp;ose:</source>
        <translation>Voraussichtlicher &amp;Abschluss:</translation>
    </message>
    <message>
        <source>Pick a person, or type an owner id</source>
        <translation>Wählen Sie eine Person oder geben Sie eine Kennung ein</translation>
    </message>
    <message>
        <source>Empty: the server makes your key&apos;s user the owner</source>
        <translation>Leer: der Server macht den Nutzer Ihres Schlüssels zuständig</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>Zu&amp;ständig:</translation>
    </message>
    <message>
        <source>Pick an owner, or type their id.</source>
        <translation>Wählen Sie eine zuständige Person oder geben Sie ihre Kennung ein.</translation>
    </message>
</context>
<context>
    <name>OpportunityJson</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must not be null</source>
        <translation>darf nicht null sein</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>muss Text sein</translation>
    </message>
    <message>
        <source>must be text or null</source>
        <translation>muss Text oder null sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be an ISO 4217 code, such as USD</source>
        <translation>muss ein ISO-4217-Code sein, z. B. USD</translation>
    </message>
    <message>
        <source>must be one of prospecting, qualification, proposal, negotiation, closed_won, closed_lost</source>
        <translation>muss einer der Werte prospecting, qualification, proposal, negotiation, closed_won, closed_lost sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine Ganzzahl sein</translation>
    </message>
    <message>
        <source>must be a date as YYYY-MM-DD or null</source>
        <translation>muss ein Datum im Format YYYY-MM-DD oder null sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a date and time (ISO 8601)</source>
        <translation>muss ein Datum mit Uhrzeit (ISO 8601) sein</translation>
    </message>
    <message>
        <source>an opportunity without an id: %1</source>
        <translation>eine Verkaufschance ohne ID: %1</translation>
    </message>
    <message>
        <source>opportunity &apos;%1&apos;: %2</source>
        <translation>Verkaufschance „%1“: %2</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>muss eine Liste sein</translation>
    </message>
</context>
<context>
    <name>OpportunityListModel</name>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation>Wartet auf Übertragung an den Server</translation>
    </message>
    <message>
        <source>Overdue: the expected close date has passed</source>
        <translation>Überfällig: Das voraussichtliche Abschlussdatum ist überschritten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Voraussichtlicher Abschluss</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>This API key may only read: deals cannot be moved.</source>
        <translation>Mit diesem API-Schlüssel ist nur Lesen möglich: Deals können nicht verschoben werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No change for %n day(s)</source>
        <translation>
            <numerusform>Seit %n Tag unverändert</numerusform>
            <numerusform>Seit %n Tagen unverändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
</context>
<context>
    <name>OpportunityReplies</name>
    <message>
        <source>(item %1 of page %2)</source>
        <translation>(Eintrag %1 auf Seite %2)</translation>
    </message>
    <message>
        <source>The server sent an opportunity kashew cannot read: %1</source>
        <translation>Der Server hat eine Verkaufschance gesendet, die kashew nicht lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>OpportunityValidation</name>
    <message>
        <source>Name must be valid Unicode text (it holds an unpaired surrogate).</source>
        <translation>Der Name muss gültiger Unicode-Text sein (er enthält ein einzelnes Surrogat).</translation>
    </message>
    <message>
        <source>Name is required.</source>
        <translation>Ein Name ist erforderlich.</translation>
    </message>
    <message>
        <source>Name must contain a visible character.</source>
        <translation>Der Name muss ein sichtbares Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Name must be at most %1 characters.</source>
        <translation>Der Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Value must be zero or more.</source>
        <translation>Der Wert muss null oder größer sein.</translation>
    </message>
    <message>
        <source>Value must be at most %1.</source>
        <translation>Der Wert darf höchstens %1 betragen.</translation>
    </message>
    <message>
        <source>Description must be valid Unicode text (it holds an unpaired surrogate).</source>
        <translation>Die Beschreibung muss gültiger Unicode-Text sein (sie enthält ein einzelnes Surrogat).</translation>
    </message>
    <message>
        <source>Currency must be an ISO 4217 code of three capital letters, such as USD.</source>
        <translation>Die Währung muss ein ISO-4217-Code aus drei Großbuchstaben sein, etwa USD.</translation>
    </message>
    <message>
        <source>Probability must be a whole number from 0 to 100.</source>
        <translation>Die Wahrscheinlichkeit muss eine ganze Zahl von 0 bis 100 sein.</translation>
    </message>
    <message>
        <source>Expected close date must be a date as YYYY-MM-DD.</source>
        <translation>Der voraussichtliche Abschluss muss ein Datum im Format JJJJ-MM-TT sein.</translation>
    </message>
    <message>
        <source>Account must be a UUID or empty.</source>
        <translation>Der Kunde muss eine UUID oder leer sein.</translation>
    </message>
    <message>
        <source>Lead must be a UUID or empty.</source>
        <translation>Der Lead muss eine UUID oder leer sein.</translation>
    </message>
</context>
<context>
    <name>OwnerChoices</name>
    <message>
        <source>%1 (me)</source>
        <translation>%1 (ich)</translation>
    </message>
</context>
<context>
    <name>PeopleSettingsPage</name>
    <message>
        <source>&amp;Remove my name</source>
        <translation>Meinen Namen &amp;entfernen</translation>
    </message>
    <message>
        <source>This is m&amp;e</source>
        <translation>Das bin &amp;ich</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Names for the owners of deals. A name you give is kept on this computer and shown instead of the server&apos;s.</source>
        <translation>Namen für die Zuständigen der Deals. Ein Name, den Sie vergeben, bleibt auf diesem Computer und ersetzt den des Servers.</translation>
    </message>
    <message>
        <source>Owner id</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Ana Souza</source>
        <translation>Ana Souza</translation>
    </message>
    <message>
        <source>Owner i&amp;d:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>The people book could not be read: %1</source>
        <translation>Das Personenverzeichnis konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>from the server, once saved</source>
        <translation>vom Server, sobald gespeichert</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>yours, over the server&apos;s</source>
        <translation>Ihrer, statt dem des Servers</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>Ihrer</translation>
    </message>
    <message>
        <source>from the server</source>
        <translation>vom Server</translation>
    </message>
    <message>
        <source>%1 · you</source>
        <translation>%1 · Sie</translation>
    </message>
    <message>
        <source>The server says you are %1: it knows the user of your API key, so this is not set here.</source>
        <translation>Laut Server sind Sie %1: er kennt den Nutzer Ihres API-Schlüssels, daher wird das hier nicht festgelegt.</translation>
    </message>
    <message>
        <source>Nobody is marked as you. Choose your row and press &quot;This is me&quot;: &quot;My deals&quot; and new deals use it.</source>
        <translation>Niemand ist als Sie markiert. Wählen Sie Ihre Zeile und drücken Sie „Das bin ich“: „Meine Deals“ und neue Deals verwenden das.</translation>
    </message>
    <message>
        <source>You are %1.</source>
        <translation>Sie sind %1.</translation>
    </message>
    <message>
        <source>The server says who you are</source>
        <translation>Der Server sagt, wer Sie sind</translation>
    </message>
</context>
<context>
    <name>PersonJson</name>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
</context>
<context>
    <name>PipelineSummaryText</name>
    <message>
        <source>1 deal</source>
        <translation>1 Deal</translation>
    </message>
    <message>
        <source>%1 deals</source>
        <translation>%1 Deals</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>offen %1</translation>
    </message>
    <message>
        <source>weighted %1</source>
        <translation>gewichtet %1</translation>
    </message>
    <message>
        <source>won %1</source>
        <translation>gewonnen %1</translation>
    </message>
    <message>
        <source>choose a base currency in Settings</source>
        <translation>Basiswährung in den Einstellungen wählen</translation>
    </message>
    <message>
        <source>no rate for %1</source>
        <translation>kein Kurs für %1</translation>
    </message>
    <message>
        <source>%1: %2 open, %3 won, %4 closed lost</source>
        <translation>%1: %2 offen, %3 gewonnen, %4 verloren</translation>
    </message>
    <message>
        <source>Open (prospecting to negotiation), %1:</source>
        <translation>Offen (Akquise bis Verhandlung), %1:</translation>
    </message>
    <message>
        <source>%1, weighted %2</source>
        <translation>%1, gewichtet %2</translation>
    </message>
    <message>
        <source>Won, %1:</source>
        <translation>Gewonnen, %1:</translation>
    </message>
    <message>
        <source>No base currency: choose one in Settings to add the currencies up.</source>
        <translation>Keine Basiswährung: wählen Sie eine in den Einstellungen, um die Währungen zusammenzurechnen.</translation>
    </message>
    <message>
        <source>1 %1 = %2 %3, set %4</source>
        <translation>1 %1 = %2 %3, gesetzt am %4</translation>
    </message>
    <message>
        <source>In %1 at these rates:</source>
        <translation>In %1 zu diesen Kursen:</translation>
    </message>
    <message>
        <source>No rate for %1: not added into the %2 figures.</source>
        <translation>Kein Kurs für %1: nicht in den %2-Beträgen enthalten.</translation>
    </message>
</context>
<context>
    <name>PipelineViews</name>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>B&amp;oard</translation>
    </message>
    <message>
        <source>F&amp;orecast</source>
        <translation>&amp;Prognose</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>QuickAdd</name>
    <message>
        <source>The accounts could not be read: %1</source>
        <translation>Die Kunden konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The deal could not be saved: %1</source>
        <translation>Der Deal konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>QuickAddCard</name>
    <message>
        <source>New deal in %1</source>
        <translation>Neuer Deal in %1</translation>
    </message>
    <message>
        <source>Enter adds the deal, Esc cancels.</source>
        <translation>Eingabe legt den Deal an, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Account (optional)</source>
        <translation>Kunde (optional)</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Mehr…</translation>
    </message>
    <message>
        <source>Open the full form with what you typed</source>
        <translation>Das vollständige Formular mit dem Eingegebenen öffnen</translation>
    </message>
    <message>
        <source>Value must be a number, such as %1.</source>
        <translation>Der Wert muss eine Zahl sein, etwa %1.</translation>
    </message>
    <message>
        <source>Account must be one of the list, or left empty.</source>
        <translation>Der Kunde muss einer aus der Liste sein oder leer bleiben.</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>&amp;Neue Verkaufschance…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>Archivierung &amp;aufheben</translation>
    </message>
    <message>
        <source>The opportunity could not be saved: %1</source>
        <translation>Die Verkaufschance konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>Die Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Archivierung aufheben</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>Verkaufschance löschen</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; permanently? This cannot be undone, here or on the server.</source>
        <translation>„%1“ endgültig löschen? Dies kann weder hier noch auf dem Server rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete permanently</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>The changes could not be discarded: %1</source>
        <translation>Die Änderungen konnten nicht verworfen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n deals</source>
        <translation>
            <numerusform>%n Deal</numerusform>
            <numerusform>%n Deals</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete opportunities</source>
        <translation>Verkaufschancen löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n deals? They are deleted permanently, here and on the server; this cannot be undone.</source>
        <translation>
            <numerusform>%n Deal löschen? Er wird endgültig gelöscht, hier und auf dem Server; das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Deals löschen? Sie werden endgültig gelöscht, hier und auf dem Server; das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordEditCommand</name>
    <message>
        <source>move of &apos;%1&apos; to %2</source>
        <translation>Verschieben von „%1“ nach %2</translation>
    </message>
    <message numerus="yes">
        <source>move of %n deals to %1</source>
        <translation>
            <numerusform>Verschieben von %n Deal nach %1</numerusform>
            <numerusform>Verschieben von %n Deals nach %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyError</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Invalid API key</source>
        <translation>Ungültiger API-Schlüssel</translation>
    </message>
    <message>
        <source>This API key may not change data.</source>
        <translation>Mit diesem API-Schlüssel dürfen keine Daten geändert werden.</translation>
    </message>
    <message>
        <source>The server sent kashew to another address (%1). The API key is sent only to the server in Settings: if the server moved, enter its new address there.</source>
        <translation>Der Server hat kashew an eine andere Adresse verwiesen (%1). Der API-Schlüssel wird nur an den Server aus den Einstellungen gesendet: Ist der Server umgezogen, tragen Sie dort seine neue Adresse ein.</translation>
    </message>
    <message>
        <source>The connection closed in the middle of the server&apos;s answer (%1).</source>
        <translation>Die Verbindung wurde mitten in der Antwort des Servers getrennt (%1).</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server hat mit %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>RequestBudget</name>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>%1 requests an hour</source>
        <translation>%1 Anfragen pro Stunde</translation>
    </message>
    <message>
        <source>any number of requests</source>
        <translation>beliebig viele Anfragen</translation>
    </message>
    <message>
        <source>%1 writes a day</source>
        <translation>%1 Schreibzugriffe pro Tag</translation>
    </message>
    <message>
        <source>any number of writes</source>
        <translation>beliebig viele Schreibzugriffe</translation>
    </message>
    <message>
        <source>Free plan: %1, %2</source>
        <translation>Kostenloser Tarif: %1, %2</translation>
    </message>
    <message>
        <source>Largest plan: %1, %2</source>
        <translation>Größter Tarif: %1, %2</translation>
    </message>
    <message>
        <source>Custom: %1, %2</source>
        <translation>Eigener: %1, %2</translation>
    </message>
</context>
<context>
    <name>RequestGate</name>
    <message>
        <source>The request was not sent: its place in the request budget could not be counted (%1).</source>
        <translation>Die Anfrage wurde nicht gesendet: ihr Platz im Anfragebudget konnte nicht gezählt werden (%1).</translation>
    </message>
    <message>
        <source>Not sent: the request budget (%1) has no room for it before %2.</source>
        <translation>Nicht gesendet: Das Anfragebudget (%1) hat vor %2 keinen Platz dafür.</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>My open deals</source>
        <translation>Meine offenen Deals</translation>
    </message>
    <message>
        <source>A view needs a name.</source>
        <translation>Eine Ansicht braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is a view named “%1” already.</source>
        <translation>Es gibt schon eine Ansicht „%1“.</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message>
        <source>Name of the view:</source>
        <translation>Name der Ansicht:</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Ansicht umbenennen</translation>
    </message>
    <message>
        <source>Delete the view “%1”?</source>
        <translation>Die Ansicht „%1“ löschen?</translation>
    </message>
</context>
<context>
    <name>SavedViewsMenu</name>
    <message>
        <source>&amp;Saved views</source>
        <translation>&amp;Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Save current view…</source>
        <translation>Aktuelle Ansicht speichern…</translation>
    </message>
    <message>
        <source>&amp;Manage views…</source>
        <translation>Ansichten &amp;verwalten…</translation>
    </message>
    <message>
        <source>“%1” shows your own deals, but who you are is not known yet: it shows everyone&apos;s. Say who you are in Settings → People.</source>
        <translation>„%1“ zeigt Ihre eigenen Deals, aber noch ist nicht bekannt, wer Sie sind: sie zeigt die Deals aller. Legen Sie unter Einstellungen → Personen fest, wer Sie sind.</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>Aktuelle Ansicht speichern</translation>
    </message>
    <message>
        <source>There is a view named “%1” already. Replace it?</source>
        <translation>Es gibt schon eine Ansicht „%1“. Ersetzen?</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>Keine gespeicherten Ansichten</translation>
    </message>
    <message>
        <source>The saved views could not be kept in %1: they last until the app closes.</source>
        <translation>Die gespeicherten Ansichten konnten nicht in %1 abgelegt werden: sie gelten nur, bis die App geschlossen wird.</translation>
    </message>
</context>
<context>
    <name>SchemaMigrations</name>
    <message>
        <source>the database has schema version %1, newer than this program knows (%2)</source>
        <translation>die Datenbank hat die Schemaversion %1, die neuer ist als die diesem Programm bekannte (%2)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in a settings file</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Only on demand (F5)</source>
        <translation>Nur auf Anforderung (F5)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-Sch&amp;lüssel:</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>S&amp;ynchronisieren alle:</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n opportunity(ies) on the server.</source>
        <translation>
            <numerusform>Verbunden: %n Verkaufschance auf dem Server.</numerusform>
            <numerusform>Verbunden: %n Verkaufschancen auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>The server refused the key: %1</source>
        <translation>Der Server hat den Schlüssel abgelehnt: %1</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <source>Probability proposed for each stage</source>
        <translation>Vorgeschlagene Wahrscheinlichkeit je Phase</translation>
    </message>
    <message>
        <source>Closed won sets 100 %, closed lost 0 %.</source>
        <translation>„Gewonnen“ setzt 100 %, „Verloren“ 0 %.</translation>
    </message>
    <message>
        <source>S&amp;tages</source>
        <translation>P&amp;hasen</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>&amp;Verbindung</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>the settings file %1 could not be written</source>
        <translation>die Einstellungsdatei %1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Prospecting</source>
        <translation>Akquise</translation>
    </message>
    <message>
        <source>Initial outreach, qualifying interest</source>
        <translation>Erstkontakt, Interesse klären</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Confirmed fit, budget discussion</source>
        <translation>Passung bestätigt, Budgetgespräch</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Proposal sent, awaiting decision</source>
        <translation>Angebot gesendet, Entscheidung ausstehend</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <source>Terms being negotiated</source>
        <translation>Konditionen werden verhandelt</translation>
    </message>
    <message>
        <source>Closed won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Deal won ✓</source>
        <translation>Deal gewonnen ✓</translation>
    </message>
    <message>
        <source>Closed lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Deal lost ✗</source>
        <translation>Deal verloren ✗</translation>
    </message>
</context>
<context>
    <name>StageTotalsView</name>
    <message>
        <source>%1B</source>
        <translation>%1 Mrd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>%1K</source>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>No deals</source>
        <translation>Keine Deals</translation>
    </message>
    <message>
        <source>Total %1
Weighted %2</source>
        <translation>Gesamt %1
Gewichtet %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>No base currency: choose one in Settings to add the currencies up.</source>
        <translation>Keine Basiswährung: wählen Sie eine in den Einstellungen, um die Währungen zusammenzurechnen.</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Gesamt %1</translation>
    </message>
    <message>
        <source>Weighted %1</source>
        <translation>Gewichtet %1</translation>
    </message>
    <message>
        <source>%1, weighted %2</source>
        <translation>%1, gewichtet %2</translation>
    </message>
    <message>
        <source> (1 %1 = %2 %3, set %4)</source>
        <translation> (1 %1 = %2 %3, gesetzt am %4)</translation>
    </message>
    <message>
        <source>No rate for %1: not added into the %2 figures. Settings ▸ Money takes it.</source>
        <translation>Kein Kurs für %1: nicht in den %2-Beträgen enthalten. Einstellungen ▸ Währungen nimmt ihn auf.</translation>
    </message>
</context>
<context>
    <name>StaleMark</name>
    <message numerus="yes">
        <source>%n d</source>
        <comment>days without a change, on a card</comment>
        <translation>
            <numerusform>%n T</numerusform>
            <numerusform>%n T</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <comment>deals gone stale in a board column</comment>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No change for %n day(s) or more in %1</source>
        <translation>
            <numerusform>Seit %n Tag oder länger unverändert in %1</numerusform>
            <numerusform>Seit %n Tagen oder länger unverändert in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaleSettingsPage</name>
    <message>
        <source>An open deal goes stale when it has had no change for this many days; the list and the board mark it, and the filter bar&apos;s &quot;Stale&quot; button shows only such deals.</source>
        <translation>Ein offener Deal veraltet, wenn er so viele Tage unverändert ist; Liste und Board markieren ihn, und die Schaltfläche „Veraltet“ der Filterleiste zeigt nur solche Deals.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>after a number of days</comment>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Days without a change before a deal in %1 is stale; 0: never (built in: %2)</source>
        <translation>Tage ohne Änderung, bis ein Deal in %1 veraltet ist; 0: nie (voreingestellt: %2)</translation>
    </message>
    <message>
        <source>Closed won and closed lost deals never go stale.</source>
        <translation>Gewonnene und verlorene Deals veralten nie.</translation>
    </message>
    <message>
        <source>%1: enter a number of days from 0 (never) to %2.</source>
        <translation>%1: Geben Sie eine Anzahl Tage von 0 (nie) bis %2 ein.</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The record keeps changing on the server; try again later.</source>
        <translation>Der Eintrag ändert sich auf dem Server ständig; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server refused this edit: %1</source>
        <translation>Der Server hat diese Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>This API key may only read: editing is not allowed. (%1)</source>
        <translation>Mit diesem API-Schlüssel ist nur Lesen möglich: Bearbeiten ist nicht erlaubt. (%1)</translation>
    </message>
    <message>
        <source>The local cache could not be written: %1</source>
        <translation>Der lokale Cache konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The rest is synced; these stay here as they were.</source>
        <translation>Alles andere ist synchronisiert; diese Einträge bleiben hier unverändert.</translation>
    </message>
    <message>
        <source>The local cache could not be read: %1</source>
        <translation>Der lokale Cache konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s change feed says there is more but does not move on.</source>
        <translation>Der Änderungs-Feed des Servers meldet weitere Einträge, kommt aber nicht voran.</translation>
    </message>
</context>
<context>
    <name>SyncNotices</name>
    <message>
        <source>This API key may only read: editing is not allowed. Your unsent edits are kept; enter a key with write access in the settings to send them.</source>
        <translation>Mit diesem API-Schlüssel ist nur Lesen möglich: Bearbeiten ist nicht erlaubt. Ihre nicht gesendeten Änderungen bleiben erhalten; geben Sie in den Einstellungen einen Schlüssel mit Schreibzugriff ein, um sie zu senden.</translation>
    </message>
    <message>
        <source>Not connected to a server: everything is kept on this computer. Open the settings (File ▸ Settings) to enter your server and API key; your work is sent then.</source>
        <translation>Nicht mit einem Server verbunden: Alles wird auf diesem Computer gespeichert. Öffnen Sie die Einstellungen (Datei ▸ Einstellungen), um Ihren Server und Ihren API-Schlüssel einzugeben; Ihre Arbeit wird dann gesendet.</translation>
    </message>
    <message>
        <source>Offline: %1 Your edits are kept here and sent when the server can be reached.</source>
        <translation>Offline: %1 Ihre Änderungen werden hier gespeichert und gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>The server refused the API key (%1). Enter a valid key in the settings.</source>
        <translation>Der Server hat den API-Schlüssel abgelehnt (%1). Geben Sie in den Einstellungen einen gültigen Schlüssel ein.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Rate limit reached: kashew tries again by itself. Your edits are kept here.</source>
        <translation>Anfragelimit erreicht: kashew versucht es automatisch erneut. Ihre Änderungen bleiben hier gespeichert.</translation>
    </message>
    <message>
        <source>in %1 seconds</source>
        <translation>in %1 Sek.</translation>
    </message>
    <message>
        <source>in %1 minutes</source>
        <translation>in %1 Minuten</translation>
    </message>
    <message>
        <source>Rate limit reached: kashew tries again at %1 (%2). Your edits are kept here and sent then.</source>
        <translation>Anfragelimit erreicht: kashew versucht es um %1 erneut (%2). Ihre Änderungen bleiben hier gespeichert und werden dann gesendet.</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Noch nie synchronisiert</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <source>1 edit waiting to be sent</source>
        <translation>1 Änderung wartet auf Übertragung</translation>
    </message>
    <message>
        <source>%1 edits waiting to be sent</source>
        <translation>%1 Änderungen warten auf Übertragung</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Nur lokal</translation>
    </message>
    <message>
        <source>Rate limit reached: kashew tries again at %1</source>
        <translation>Anfragelimit erreicht: kashew versucht es um %1 erneut</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Synchronisierungsproblem</translation>
    </message>
    <message>
        <source>Online · 1 edit waiting</source>
        <translation>Online · 1 Änderung wartet</translation>
    </message>
    <message>
        <source>Online · %1 edits waiting</source>
        <translation>Online · %1 Änderungen warten</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Online · up to date</source>
        <translation>Online · aktuell</translation>
    </message>
    <message>
        <source>Online · up to date · account names unavailable from this server</source>
        <translation>Online · aktuell · Kundennamen von diesem Server nicht verfügbar</translation>
    </message>
    <message>
        <source>Online · up to date · account names could not be fetched</source>
        <translation>Online · aktuell · Kundennamen konnten nicht abgerufen werden</translation>
    </message>
    <message>
        <source>Online · up to date · some records could not be read</source>
        <translation>Online · aktuell · einige Einträge konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Request budget spent · %1</source>
        <translation>Anfragebudget aufgebraucht · %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>kashew-desktop: your kashew.ai sales pipeline, offline-first.</source>
        <translation>kashew-desktop: Ihre kashew.ai-Vertriebspipeline, auch offline nutzbar.</translation>
    </message>
    <message>
        <source>Server base URL, e.g. https://kashew.ai/api/v1 (remembered in the profile).</source>
        <translation>Basis-URL des Servers, z. B. https://kashew.ai/api/v1 (wird im Profil gespeichert).</translation>
    </message>
    <message>
        <source>Profile folder: settings and caches (default: your data folder).</source>
        <translation>Profilordner: Einstellungen und Caches (Standard: Ihr Datenordner).</translation>
    </message>
    <message>
        <source>kashew</source>
        <translation>kashew</translation>
    </message>
    <message>
        <source>Open on the list, the board or the forecast.</source>
        <translation>Mit der Liste, dem Board oder der Prognose starten.</translation>
    </message>
</context>
</TS>
