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
