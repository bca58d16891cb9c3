<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Danish for texts of Qt's own dialogs that Qt's qtbase_da.qm lacks (it has "Look in:",
     but Qt 6 shows "&Look in:"; its print dialog's two-sided printing and page setup's pages
     per sheet). Loaded after qtbase_da in the Danish interface; see
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
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Udskriv på begge sider</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Vend på den lange led</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Vend på den korte led</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Sider:</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>Side&amp;rækkefølge:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Sider &amp;pr. ark:</translation>
    </message>
</context>
</TS>
