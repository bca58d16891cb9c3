<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Danish for texts of Qt's own dialogs that Qt's qtbase_da.qm lacks (it has "Look in:",
     but Qt 6 shows "&Look in:"). Loaded after qtbase_da in the Danish interface; see
     src/rolleudpeger/ui/language.py. Add a text here when a Qt dialog shows English. -->
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Kig i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;typen:</translation>
    </message>
</context>
</TS>
