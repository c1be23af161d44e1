<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BoardView</name>
    <message numerus="yes">
        <source>Move %n deals to %1?</source>
        <translation>
            <numerusform>Move %n deal to %1?</numerusform>
            <numerusform>Move %n deals to %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <source>change of owner of %n deals</source>
        <translation>
            <numerusform>change of owner of %n deals</numerusform>
            <numerusform>change of owner of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change of close date of %n deals</source>
        <translation>
            <numerusform>change of close date of %n deals</numerusform>
            <numerusform>change of close date of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>archive of %n deals</source>
        <translation>
            <numerusform>archive of %n deals</numerusform>
            <numerusform>archive of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unarchive of %n deals</source>
        <translation>
            <numerusform>unarchive of %n deals</numerusform>
            <numerusform>unarchive of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change of probability of %n deals</source>
        <translation>
            <numerusform>change of probability of %n deals</numerusform>
            <numerusform>change of probability of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This change of %n deals takes %1 days of your plan&apos;s %L2 writes a day to reach the server. kashew saves it here now and sends it as the plan allows.</source>
        <translation>
            <numerusform>This change of %n deals takes %1 days of your plan&amp;apos;s %L2 writes a day to reach the server. kashew saves it here now and sends it as the plan allows.</numerusform>
            <numerusform>This change of %n deals takes %1 days of your plan&amp;apos;s %L2 writes a day to reach the server. kashew saves it here now and sends it as the plan allows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>Change the stage of %n deal(s)</source>
        <translation>
            <numerusform>Change the stage of %n deal</numerusform>
            <numerusform>Change the stage of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the owner of %n deal(s)</source>
        <translation>
            <numerusform>Change the owner of %n deal</numerusform>
            <numerusform>Change the owner of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the expected close date of %n deal(s)</source>
        <translation>
            <numerusform>Change the expected close date of %n deal</numerusform>
            <numerusform>Change the expected close date of %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change the probability of %n deal(s)</source>
        <translation>
            <numerusform>Change the probability of %n deal</numerusform>
            <numerusform>Change the probability of %n deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvActions</name>
    <message numerus="yes">
        <source>Imported %n deal(s).</source>
        <translation>
            <numerusform>Imported %n deal.</numerusform>
            <numerusform>Imported %n deals.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%n row(s) skipped).</source>
        <translation>
            <numerusform>Imported %1 (%n row skipped).</numerusform>
            <numerusform>Imported %1 (%n rows skipped).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s)</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n deal(s) to %1.</source>
        <translation>
            <numerusform>Exported %n deal to %1.</numerusform>
            <numerusform>Exported %n deals to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>%n stages</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastOptionsBar</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastRevenueChart</name>
    <message numerus="yes">
        <source>%1 in %n deal(s)</source>
        <translation>
            <numerusform>%1 in %n deal</numerusform>
            <numerusform>%1 in %n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n owner(s) with the smallest figures. The owner filter picks one owner, so clicking here filters nothing.</source>
        <translation>
            <numerusform>The %n owner with the smallest figures. The owner filter picks one owner, so clicking here filters nothing.</numerusform>
            <numerusform>The %n owners with the smallest figures. The owner filter picks one owner, so clicking here filters nothing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message numerus="yes">
        <source>%n deal(s) in %1 (%2)</source>
        <translation>
            <numerusform>%n deal in %1 (%2)</numerusform>
            <numerusform>%n deals in %1 (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) in %1</source>
        <translation>
            <numerusform>%n deal in %1</numerusform>
            <numerusform>%n deals in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastWinLossChart</name>
    <message numerus="yes">
        <source>Won and lost: win rate %1 (%2 of %n closed deal(s))</source>
        <translation>
            <numerusform>Won and lost: win rate %1 (%2 of %n closed deal)</numerusform>
            <numerusform>Won and lost: win rate %1 (%2 of %n closed deals)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n deal(s)</source>
        <translation>
            <numerusform>%1 in %n deal</numerusform>
            <numerusform>%1 in %n deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n new</source>
        <comment>deals an import creates</comment>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n update(s)</source>
        <translation>
            <numerusform>%n update</numerusform>
            <numerusform>%n updates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors</source>
        <translation>
            <numerusform>%n row with errors</numerusform>
            <numerusform>%n rows with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate(s)</source>
        <translation>
            <numerusform>%n likely duplicate</numerusform>
            <numerusform>%n likely duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n valid row(s)</source>
        <translation>
            <numerusform>&amp;Import %n valid row</numerusform>
            <numerusform>&amp;Import %n valid rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalStore</name>
    <message numerus="yes">
        <source>%n pending edit(s) were kept.</source>
        <translation>
            <numerusform>%n pending edit was kept.</numerusform>
            <numerusform>%n pending edits were kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending edit(s) could not be read and are lost.</source>
        <translation>
            <numerusform>%n pending edit could not be read and is lost.</numerusform>
            <numerusform>%n pending edits could not be read and are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpportunityListModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No change for %n day(s)</source>
        <translation>
            <numerusform>No change for %n day</numerusform>
            <numerusform>No change for %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message numerus="yes">
        <source>%n deals</source>
        <translation>
            <numerusform>%n deals</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n deals? They are deleted permanently, here and on the server; this cannot be undone.</source>
        <translation>
            <numerusform>Delete %n deals? They are deleted permanently, here and on the server; this cannot be undone.</numerusform>
            <numerusform>Delete %n deals? They are deleted permanently, here and on the server; this cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordEditCommand</name>
    <message numerus="yes">
        <source>move of %n deals to %1</source>
        <translation>
            <numerusform>move of %n deal to %1</numerusform>
            <numerusform>move of %n deals to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Connected: %n opportunity(ies) on the server.</source>
        <translation>
            <numerusform>Connected: %n opportunity on the server.</numerusform>
            <numerusform>Connected: %n opportunities on the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaleMark</name>
    <message numerus="yes">
        <source>%n d</source>
        <comment>days without a change, on a card</comment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale</source>
        <comment>deals gone stale in a board column</comment>
        <translation>
            <numerusform>%n stale</numerusform>
            <numerusform>%n stale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No change for %n day(s) or more in %1</source>
        <translation>
            <numerusform>No change for %n day or more in %1</numerusform>
            <numerusform>No change for %n days or more in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaleSettingsPage</name>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>after a number of days</comment>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
</TS>
