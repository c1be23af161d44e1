<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <source>The local cache could not be read (%1). It was moved to %2 and a new one was created; %n pending edit(s) were kept. Everything else will be downloaded again at the next sync.</source>
        <translation>
            <numerusform>The local cache could not be read (%1). It was moved to %2 and a new one was created; %n pending edit was kept. Everything else will be downloaded again at the next sync.</numerusform>
            <numerusform>The local cache could not be read (%1). It was moved to %2 and a new one was created; %n pending edits were kept. Everything else will be downloaded again at the next sync.</numerusform>
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
