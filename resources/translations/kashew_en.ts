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
</TS>
