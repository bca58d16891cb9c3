<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="da_DK">
<context>
    <name>About</name>
    <message>
        <source>Om {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Hjælper kommunen med KLIK-opgaven »{task}« og dokumenterer den. Rolleudpeger bruger aldrig netværket.&lt;/p&gt;&lt;p&gt;Licens: MIT. Skrifttypen i rapporten, DejaVu Sans, er frit tilgængelig (Bitstream Vera-licensen). Qt og PySide6 er omfattet af LGPLv3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dine data ligger i:&lt;/b&gt;&lt;br&gt;{folder}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Helps the municipality carry out the KLIK task “{task}” and documents it. Rolleudpeger never uses the network.&lt;/p&gt;&lt;p&gt;Licence: MIT. The font in the report, DejaVu Sans, is freely available (Bitstream Vera licence). Qt and PySide6 are covered by the LGPLv3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your data is in:&lt;/b&gt;&lt;br&gt;{folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Åbn &amp;datamappe</source>
        <translation>Open &amp;data folder</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Der skete en fejl</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Der skete en fejl. Dine data er gemt.

Rolleudpeger kører videre. Hvis fejlen kommer igen, så send denne logfil til IT sammen med en kort beskrivelse af, hvad du gjorde:
{log_file}</source>
        <translation>Something went wrong. Your data is saved.

Rolleudpeger keeps running. If it happens again, send this log file to IT with a short description of what you did:
{log_file}</translation>
    </message>
    <message>
        <source>Rolleudpeger kunne ikke starte på grund af en fejl. Send denne logfil til IT sammen med en kort beskrivelse af, hvad du gjorde:
{log_file}</source>
        <translation>Rolleudpeger could not start because of an error. Send this log file to IT with a short description of what you did:
{log_file}</translation>
    </message>
    <message>
        <source>du har ikke adgang, eller et andet program holder filen</source>
        <translation>you have no access, or another program holds the file</translation>
    </message>
    <message>
        <source>Opgavefilen er ugyldig</source>
        <translation>The task file is not valid</translation>
    </message>
    <message>
        <source>Logfilen kan ikke skrives i {folder}: {reason}.</source>
        <translation>The log file cannot be written in {folder}: {reason}.</translation>
    </message>
    <message>
        <source>{app} kan ikke skrive sin låsefil i {folder}: {reason}. Frigør plads eller vælg en anden mappe med --data-dir, og start igen.</source>
        <translation>{app} cannot write its lock file in {folder}: {reason}. Free some space or choose another folder with --data-dir, and start again.</translation>
    </message>
    <message>
        <source>{app} er allerede åben med {folder}; vinduet er bragt frem.</source>
        <translation>{app} is already open with {folder}; its window has been brought to the front.</translation>
    </message>
    <message>
        <source>{app} er allerede åben</source>
        <translation>{app} is already open</translation>
    </message>
    <message>
        <source>{app} er allerede åben med datamappen {folder}, men svarer ikke. Luk det andet vindue, og prøv igen.</source>
        <translation>{app} is already open with the data folder {folder}, but does not respond. Close the other window and try again.</translation>
    </message>
    <message>
        <source>Datamappen kan ikke bruges</source>
        <translation>The data folder cannot be used</translation>
    </message>
    <message>
        <source>Sikkerhedskopien kunne ikke hentes</source>
        <translation>The backup could not be restored</translation>
    </message>
    <message>
        <source>Databasen var beskadiget og er lagt til side, men sikkerhedskopien {backup} kunne ikke hentes ind i stedet: {reason}. Din sag er ikke tabt: den ligger i sikkerhedskopien. Frigør plads på disken (eller luk det program, der bruger filen), og start Rolleudpeger igen — så henter den sikkerhedskopien.</source>
        <translation>The database was damaged and has been set aside, but the backup {backup} could not be put in its place: {reason}. Your case is not lost: it is in the backup. Free some space on the disk (or close the program that uses the file) and start Rolleudpeger again — it will then restore the backup.</translation>
    </message>
    <message>
        <source>Datamappen {folder} kan ikke bruges: {reason}. Vælg en anden mappe med --data-dir.</source>
        <translation>The data folder {folder} cannot be used: {reason}. Choose another folder with --data-dir.</translation>
    </message>
    <message>
        <source>Databasen er fra en nyere version</source>
        <translation>The database is from a newer version</translation>
    </message>
    <message>
        <source>Databasen {file} er lavet af en nyere version af {app} (skema {revision}; denne version kender {head}). Filen er ikke ændret. Installér den nyeste version.</source>
        <translation>The database {file} was made by a newer version of {app} (schema {revision}; this version knows {head}). The file has not been changed. Install the newest version.</translation>
    </message>
    <message>
        <source>Databasen kan ikke åbnes</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>Case</name>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>Vælg en kommune fra listen.</source>
        <translation>Choose a municipality from the list.</translation>
    </message>
    <message>
        <source>Skriv en begrundelse for at sætte status tilbage.</source>
        <translation>Write a reason for setting the status back.</translation>
    </message>
    <message>
        <source>Der mangler: {items}</source>
        <translation>Still missing: {items}</translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>besluttet {date} af {by}</source>
        <translation>decided {date} by {by}</translation>
    </message>
    <message>
        <source>besluttet {date}</source>
        <translation>decided {date}</translation>
    </message>
    <message>
        <source>besluttet af {by}</source>
        <translation>decided by {by}</translation>
    </message>
    <message>
        <source>beslutningen er ikke angivet</source>
        <translation>the decision is not given</translation>
    </message>
    <message>
        <source>{span} (skiftet i Rolleudpeger {date})</source>
        <translation>{span} (changed in Rolleudpeger {date})</translation>
    </message>
    <message>
        <source>Fjern først markeringen »{status}« ({step}).</source>
        <translation>First clear »{status}« ({step}).</translation>
    </message>
    <message>
        <source>Skriv svaret først.</source>
        <translation>Write the answer first.</translation>
    </message>
    <message>
        <source>Der er ingen {role} at skifte ud endnu. Skriv navnet i felterne.</source>
        <translation>There is no {role} to replace yet. Write the name in the fields.</translation>
    </message>
    <message>
        <source>Skriv den dag, den nye {role} overtager rollen.</source>
        <translation>Write the day the new {role} takes over the role.</translation>
    </message>
    <message>
        <source>{name} har været {role} fra {start}. Skriv en dag fra {start} og frem.</source>
        <translation>{name} has been {role} since {start}. Write a day from {start} on.</translation>
    </message>
    <message>
        <source>Fjern markeringen »Afventer«, når trinnet ikke venter mere</source>
        <translation>Untick “Waiting” when the step no longer waits</translation>
    </message>
    <message>
        <source>Fuldført i KLIK, men der mangler: {items}</source>
        <translation>Fuldført (completed) in KLIK, but still missing: {items}</translation>
    </message>
    <message>
        <source>Markér først mailen som sendt.</source>
        <translation>Mark the mail as sent first.</translation>
    </message>
    <message>
        <source>Datoen ligger i fremtiden. Tjek, at den er rigtig.</source>
        <translation>The date is in the future. Check that it is right.</translation>
    </message>
    <message>
        <source>Den nye overtager før beslutningen ({decided}). Tjek datoerne.</source>
        <translation>The new holder takes over before the decision ({decided}). Check the dates.</translation>
    </message>
    <message>
        <source>Den nye overtager først {date}, mere end et år fra i dag. Tjek datoen.</source>
        <translation>The new holder takes over only on {date}, more than a year from today. Check the date.</translation>
    </message>
    <message>
        <source>Markeret {ticked}, før beslutningen om at udpege {role} ({decided}). Tjek datoen for beslutningen.</source>
        <translation>Ticked {ticked}, before the decision to appoint the {role} ({decided}). Check the date of the decision.</translation>
    </message>
    <message>
        <source>Mailen er sendt før beslutningen om projektlederen ({decided}). Tjek datoerne.</source>
        <translation>The mail was sent before the decision on the project leader ({decided}). Check the dates.</translation>
    </message>
    <message>
        <source>Det er den samme som den tidligere {role}. Brug »Ny {role}…« kun, når en anden overtager rollen.</source>
        <translation>This is the same person as the former {role}. Use “New {role}…” only when someone else takes over the role.</translation>
    </message>
    <message>
        <source>trin {number}: {title}</source>
        <translation>step {number}: {title}</translation>
    </message>
    <message>
        <source>Trin {number} · {title}</source>
        <translation>Step {number} · {title}</translation>
    </message>
    <message>
        <source>navnet på den ansvarlige ({step})</source>
        <translation>the name of the responsible person ({step})</translation>
    </message>
    <message>
        <source>navnet på udføreren ({step})</source>
        <translation>the name of the performer ({step})</translation>
    </message>
    <message>
        <source>Skriv spørgsmålet først.</source>
        <translation>Write the question first.</translation>
    </message>
    <message>
        <source>Udfyld »{field}«</source>
        <translation>Fill in “{field}”</translation>
    </message>
    <message>
        <source>Sæt flueben ved »{field}«</source>
        <translation>Tick “{field}”</translation>
    </message>
    <message>
        <source>Ret »{field}«: adressen er ikke gyldig</source>
        <translation>Correct “{field}”: the address is not valid</translation>
    </message>
    <message>
        <source>Ret »{field}«: nummeret er ikke gyldigt</source>
        <translation>Correct “{field}”: the number is not valid</translation>
    </message>
    <message>
        <source>Ret »{field}«: datoen er ikke gyldig</source>
        <translation>Correct “{field}”: the date is not valid</translation>
    </message>
    <message>
        <source>Vælg kommune</source>
        <translation>Choose the municipality</translation>
    </message>
    <message>
        <source>Sæt KLIK-status til »{status}«</source>
        <translation>Set the KLIK status to »{status}«</translation>
    </message>
    <message>
        <source>{done} af {total} trin færdige · KLIK-status: {status}</source>
        <translation>{done} of {total} steps done · KLIK status: {status}</translation>
    </message>
    <message>
        <source>Opgaven er »Fuldført« i KLIK, men KOMBIT har ikke fået besked om den nye projektleder.</source>
        <translation>The task is »Fuldført« (completed) in KLIK, but KOMBIT has not been told about the new project leader.</translation>
    </message>
    <message>
        <source>KOMBIT har ikke fået besked om den nye projektleder.</source>
        <translation>KOMBIT has not been told about the new project leader.</translation>
    </message>
    <message>
        <source>ny projektleder – KOMBIT mangler besked</source>
        <translation>new project leader – KOMBIT has not been told</translation>
    </message>
    <message>
        <source>ny projektleder – skriv hvem</source>
        <translation>new project leader – write who</translation>
    </message>
    <message>
        <source>Projektleder og projektejer er den samme person. Vores råd: vælg to personer. Opgaven beskriver to roller, og projektejeren skal være sparringspartner for projektlederen.</source>
        <translation>The project leader and the project owner are the same person. Our advice: choose two people. The task describes two roles, and the project owner is to be the project leader&apos;s sounding board.</translation>
    </message>
    <message>
        <source>Send mailen til {to}, og markér den som sendt</source>
        <translation>Send the mail to {to} and mark it as sent</translation>
    </message>
    <message>
        <source>Send de opdaterede oplysninger om projektlederen til {to}</source>
        <translation>Send the updated details of the project leader to {to}</translation>
    </message>
    <message>
        <source>kommunen ({step})</source>
        <translation>the municipality ({step})</translation>
    </message>
    <message>
        <source>Mailen kan ikke sendes endnu. Der mangler: {items}</source>
        <translation>The mail cannot be sent yet. Still missing: {items}</translation>
    </message>
    <message>
        <source>Før mailen kan sendes, mangler: {items}</source>
        <translation>Before the mail can be sent, fill in: {items}</translation>
    </message>
    <message>
        <source>Sæt først status til »{status}« ({step}).</source>
        <translation>First set the status to »{status}« ({step}).</translation>
    </message>
</context>
<context>
    <name>Completion</name>
    <message>
        <source>Opgaven er fuldført.</source>
        <translation>The task is complete.</translation>
    </message>
    <message>
        <source>Går til spørgsmålene til KOMBIT</source>
        <translation>Goes to the questions put to KOMBIT</translation>
    </message>
    <message>
        <source>De andre trin er færdige. Sæt status til »Fuldført« i KLIK, og markér det herunder.</source>
        <translation>The other steps are done. Set the status to »Fuldført« in KLIK and tick it below.</translation>
    </message>
    <message>
        <source>følg et link for at gå til trinnet:</source>
        <translation>follow a link to go to the step:</translation>
    </message>
    <message>
        <source>Går til trin {number}</source>
        <translation>Goes to step {number}</translation>
    </message>
    <message>
        <source>⚠ Bemærk: {n} spørgsmål til KOMBIT er ikke besvaret. Du kan godt afslutte opgaven, men rapporten viser det.</source>
        <translation>⚠ Note: {n} question(s) put to KOMBIT have not been answered. You can still complete the task, but the report shows it.</translation>
    </message>
    <message>
        <source>Sendt {day} (markeret som sendt {time}) til {address}:</source>
        <translation>Sent {day} (marked as sent {time}) to {address}:</translation>
    </message>
    <message>
        <source>ja, markeret {time}</source>
        <translation>yes, ticked {time}</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Gå til {step}</source>
        <translation>Go to {step}</translation>
    </message>
    <message>
        <source>Afventer</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>ikke besvaret</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Spørgsmål ({time}): {question}&lt;br&gt;Svar: {answer}</source>
        <translation>Question ({time}): {question}&lt;br&gt;Answer: {answer}</translation>
    </message>
    <message>
        <source>&amp;Udskriv rapport…</source>
        <translation>&amp;Print report…</translation>
    </message>
    <message>
        <source>Udskriv rapport</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>&amp;Gem rapport som PDF…</source>
        <translation>Sa&amp;ve report as PDF…</translation>
    </message>
    <message>
        <source>Gem rapport som PDF</source>
        <translation>Save report as PDF</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <source>--data-dir er tom. Skriv mappens navn efter --data-dir.</source>
        <translation>--data-dir is empty. Write the folder&apos;s name after --data-dir.</translation>
    </message>
    <message>
        <source>{variable} består kun af mellemrum. Skriv mappens navn, eller fjern variablen.</source>
        <translation>{variable} holds only spaces. Write the folder&apos;s name, or remove the variable.</translation>
    </message>
    <message>
        <source>{name} kan ikke findes: der er ingen bruger »{user}« på denne pc. Skriv hele stien til mappen.</source>
        <translation>{name} cannot be found: there is no user “{user}” on this PC. Write the folder&apos;s full path.</translation>
    </message>
    <message>
        <source>{source}: mappenavnet »{name}« begynder eller slutter med et mellemrum. Skriv det uden.</source>
        <translation>{source}: the folder name “{name}” begins or ends with a space. Write it without.</translation>
    </message>
    <message>
        <source>Mappenavnet {name} indeholder tegn, der ikke er gyldig tekst (UTF-8). Vælg en mappe med et andet navn.</source>
        <translation>The folder name {name} contains characters that are not valid text (UTF-8). Choose a folder with another name.</translation>
    </message>
    <message>
        <source>{source}: mappen {folder} kan ikke bruges: {reason}. Vælg en anden mappe.</source>
        <translation>{source}: the folder {folder} cannot be used: {reason}. Choose another folder.</translation>
    </message>
    <message>
        <source>stien er for lang til databasen ({n} tegn; højst {max})</source>
        <translation>the path is too long for the database ({n} characters; at most {max})</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>Datamappen kan ikke bruges</source>
        <translation>The data folder cannot be used</translation>
    </message>
    <message>
        <source>Rolleudpeger kan ikke gemme i {folder}: {reason}.

Vil du vælge en anden mappe til dine data? (Vælger du Nej, lukker Rolleudpeger.)</source>
        <translation>Rolleudpeger cannot save in {folder}: {reason}.

Do you want to choose another folder for your data? (If you choose No, Rolleudpeger closes.)</translation>
    </message>
    <message>
        <source>Vælg en mappe til dine data</source>
        <translation>Choose a folder for your data</translation>
    </message>
    <message>
        <source>Databasen var beskadiget og blev lagt til side ved en tidligere start, men sikkerhedskopien kunne ikke hentes dengang. Den beskadigede fil ligger her:
{file}</source>
        <translation>The database was damaged and was set aside at an earlier start, but the backup could not be restored then. The damaged file is here:
{file}</translation>
    </message>
    <message>
        <source>Databasen manglede eller var tom, selv om der findes sikkerhedskopier af sagen. Den kan være slettet, eller et antivirusprogram kan have flyttet den.</source>
        <translation>The database was missing or empty, although there are backups of the case. It may have been deleted, or an antivirus program may have moved it.</translation>
    </message>
    <message>
        <source>Den tomme database er ikke slettet, men flyttet til:
{file}</source>
        <translation>The empty database has not been deleted but moved to:
{file}</translation>
    </message>
    <message>
        <source>Databasen var ændret uden om Rolleudpeger: den indeholdt {what}. Sådan en fil kan ikke stoles på (den kan gemme eller ændre oplysninger uden om programmet), så Rolleudpeger bruger den ikke. Den er ikke slettet, men flyttet til:
{file}</source>
        <translation>The database had been changed outside Rolleudpeger: it contained {what}. Such a file cannot be trusted (it can keep or change information behind the app&apos;s back), so Rolleudpeger does not use it. It has not been deleted but moved to:
{file}</translation>
    </message>
    <message>
        <source>Databasen var beskadiget og kunne ikke åbnes. Den er ikke slettet, men flyttet til:
{file}</source>
        <translation>The database was damaged and could not be opened. It has not been deleted but moved to:
{file}</translation>
    </message>
    <message>
        <source>Der var ingen brugbar sikkerhedskopi, så Rolleudpeger starter med en tom sag. Kontakt IT, hvis du har brug for data fra den beskadigede fil.</source>
        <translation>There was no usable backup, so Rolleudpeger starts with an empty case. Contact IT if you need data from the damaged file.</translation>
    </message>
    <message>
        <source>Rolleudpeger har hentet sikkerhedskopien fra {time}. Det, du har skrevet efter det tidspunkt, mangler og skal skrives igen.</source>
        <translation>Rolleudpeger has restored the backup from {time}. What you wrote after that time is missing and must be entered again.</translation>
    </message>
    <message>
        <source>Databasen var beskadiget</source>
        <translation>The database was damaged</translation>
    </message>
    <message>
        <source>Sikkerhedskopi taget.</source>
        <translation>Backup taken.</translation>
    </message>
    <message>
        <source>noget i sagen</source>
        <translation>something in the case</translation>
    </message>
    <message>
        <source>den nyeste sikkerhedskopi</source>
        <translation>the newest backup</translation>
    </message>
    <message>
        <source>Pc&apos;ens ur ser ud til at gå forkert: {what} er dateret {time}, senere end nu. Tjek uret, eller spørg IT.</source>
        <translation>The PC&apos;s clock seems to be wrong: {what} is dated {time}, later than now. Check the clock, or ask IT.</translation>
    </message>
    <message>
        <source>tom</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>ingen kommune valgt</source>
        <translation>no municipality chosen</translation>
    </message>
    <message>
        <source>kan ikke læses af denne version</source>
        <translation>cannot be read by this version</translation>
    </message>
    <message>
        <source>Gendan sikkerhedskopi</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Der er ingen sikkerhedskopier endnu.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>Vælg den sikkerhedskopi, du vil hente tilbage:</source>
        <translation>Choose the backup you want to restore:</translation>
    </message>
    <message>
        <source>Hent sikkerhedskopien tilbage?

{backup}

Den nuværende sag bliver først selv gemt som en sikkerhedskopi, så intet går tabt.</source>
        <translation>Restore this backup?

{backup}

The current case is first saved as a backup itself, so nothing is lost.</translation>
    </message>
    <message>
        <source>Sikkerhedskopien kunne ikke tages: {error}.</source>
        <translation>The backup could not be taken: {error}.</translation>
    </message>
    <message>
        <source>Ingen af de {n} sikkerhedskopier i {folder} kan bruges: de er ufuldstændige, beskadigede eller tomme.</source>
        <translation>None of the {n} backups in {folder} can be used: they are incomplete, damaged or empty.</translation>
    </message>
    <message>
        <source>Sikkerhedskopien kan ikke bruges længere. Intet er ændret.</source>
        <translation>The backup can no longer be used. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Det lykkedes ikke: {error}. Intet er ændret.</source>
        <translation>It did not work: {error}. Nothing has been changed.</translation>
    </message>
    <message>
        <source>sagen for {municipality}</source>
        <translation>the case for {municipality}</translation>
    </message>
    <message>
        <source>sagen</source>
        <translation>the case</translation>
    </message>
    <message>
        <source>{n} sikkerhedskopi</source>
        <translation>{n} backup</translation>
    </message>
    <message>
        <source>{n} sikkerhedskopier</source>
        <translation>{n} backups</translation>
    </message>
    <message>
        <source>{n} beskadiget kopi</source>
        <translation>{n} damaged copy</translation>
    </message>
    <message>
        <source>{n} beskadigede kopier</source>
        <translation>{n} damaged copies</translation>
    </message>
    <message>
        <source>{n} logfil</source>
        <translation>{n} log file</translation>
    </message>
    <message>
        <source>{n} logfiler</source>
        <translation>{n} log files</translation>
    </message>
    <message>
        <source>Slet sag og persondata</source>
        <translation>Delete case and personal data</translation>
    </message>
    <message>
        <source>Ikke alt kunne slettes. Det, der står herunder, er ikke slettet; resten er:

{left}

Luk Rolleudpeger, og slet filerne selv (eller bed IT om det).</source>
        <translation>Not everything could be erased. What is listed below has not been erased; the rest has:

{left}

Close Rolleudpeger and delete the files yourself (or ask IT to).</translation>
    </message>
    <message>
        <source>Eksportér sag (filen indeholder persondata)</source>
        <translation>Export case (the file contains personal data)</translation>
    </message>
    <message>
        <source>Rolleudpeger-sag (*.json)</source>
        <translation>Rolleudpeger case (*.json)</translation>
    </message>
    <message>
        <source>Kunne ikke gemme {file}: {reason}.</source>
        <translation>Could not save {file}: {reason}.</translation>
    </message>
    <message>
        <source>Sagen er eksporteret til {file}.</source>
        <translation>The case has been exported to {file}.</translation>
    </message>
    <message>
        <source>Importér sag</source>
        <translation>Import case</translation>
    </message>
    <message>
        <source>{file} kan ikke læses: {reason}.</source>
        <translation>{file} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>Sagen kunne ikke gemmes: {error}. Intet er ændret.</source>
        <translation>The case could not be saved: {error}. Nothing has been changed.</translation>
    </message>
    <message>
        <source>… og {n} mere</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>Dette sletter {case} for altid:

• alle navne, titler, e-mailadresser og telefonnumre
• noter, {questions} og svarene
• {mail}, som den blev sendt
• hændelsesloggen
• {backups}, {damaged} og {logs}

i {folder}.

Det kan ikke fortrydes. Gem eller udskriv rapporten først, hvis kommunen skal kunne dokumentere opgaven. Vil du slette?</source>
        <translation>This deletes {case} for good:

• all names, titles, e-mail addresses and phone numbers
• notes, {questions} and the answers
• the {mail} as it was sent
• the event log
• {backups}, {damaged} and {logs}

in {folder}.

This cannot be undone. Save or print the report first if the municipality must be able to document the task. Do you want to delete?</translation>
    </message>
    <message>
        <source>spørgsmål</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>mailen</source>
        <translation>mail</translation>
    </message>
    <message>
        <source>{file} kan ikke importeres. Intet er ændret.</source>
        <translation>{file} cannot be imported. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Der er allerede en sag her. Vil du erstatte den med sagen fra filen?

Den nuværende sag gemmes først som sikkerhedskopi, så du kan hente den tilbage.</source>
        <translation>There is already a case here. Do you want to replace it with the case from the file?

The current case is first saved as a backup, so you can restore it.</translation>
    </message>
</context>
<context>
    <name>Deadline</name>
    <message>
        <source>KLIK-frist {date}</source>
        <translation>KLIK deadline {date}</translation>
    </message>
    <message>
        <source>KLIK-frist {date} (overskredet)</source>
        <translation>KLIK deadline {date} (passed)</translation>
    </message>
    <message>
        <source>KLIK-frist {date} (i dag)</source>
        <translation>KLIK deadline {date} (today)</translation>
    </message>
    <message>
        <source>KLIK-frist {date} (i morgen)</source>
        <translation>KLIK deadline {date} (tomorrow)</translation>
    </message>
    <message>
        <source>KLIK-frist {date} (om {n} dage)</source>
        <translation>KLIK deadline {date} (in {n} days)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Udskriv rapport</source>
        <translation>Print report</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>{error} Ændringen er ikke gemt. Prøv igen.</source>
        <translation>{error} The change has not been saved. Try again.</translation>
    </message>
    <message>
        <source>{error} Det, du skrev, står stadig i feltet. Prøv igen.</source>
        <translation>{error} What you typed is still in the field. Try again.</translation>
    </message>
    <message>
        <source>Markeret {time}</source>
        <translation>Ticked {time}</translation>
    </message>
    <message>
        <source>Bruges, når en ny {role} har overtaget.</source>
        <translation>Used once a new {role} has taken over.</translation>
    </message>
    <message>
        <source>Skriv kommunens navn eller nummer</source>
        <translation>Type the municipality&apos;s name or number</translation>
    </message>
    <message>
        <source>Ingen kommune passer.</source>
        <translation>No municipality matches.</translation>
    </message>
    <message>
        <source>1 forslag: {name}. Vælg med pil ned.</source>
        <translation>1 suggestion: {name}. Choose it with the down arrow.</translation>
    </message>
    <message>
        <source>{n} forslag, først {name}. Vælg med pil ned.</source>
        <translation>{n} suggestions, first {name}. Choose with the down arrow.</translation>
    </message>
    <message>
        <source>Vælg en kommune fra listen. Skriv fx »Aarhus« eller »751«.</source>
        <translation>Choose a municipality from the list. Type e.g. “Aarhus” or “751”.</translation>
    </message>
    <message>
        <source>Status sat {time}</source>
        <translation>Status set {time}</translation>
    </message>
    <message>
        <source>Skriv først bibliotekschefens navn ({step}).</source>
        <translation>First enter the library director&apos;s name ({step}).</translation>
    </message>
    <message>
        <source>Bibliotekschefens navn skriver du i {step}.</source>
        <translation>You write the library director&apos;s name in {step}.</translation>
    </message>
    <message>
        <source>Tag status tilbage</source>
        <translation>Take the status back</translation>
    </message>
    <message>
        <source>Hvorfor er status ikke længere »{status}«?</source>
        <translation>Why is the status no longer »{status}«?</translation>
    </message>
    <message>
        <source>Før du kan markere dette, mangler: {items}.</source>
        <translation>Before you can tick this, fill in: {items}.</translation>
    </message>
    <message>
        <source>Bibliotekschef: {name}</source>
        <translation>Library director: {name}</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>skal være et objekt</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>skal være en liste</source>
        <translation>must be a list</translation>
    </message>
    <message>
        <source>skal være tekst</source>
        <translation>must be text</translation>
    </message>
    <message>
        <source>skal være et tidspunkt med tidszone (ISO 8601)</source>
        <translation>must be a time with a time zone (ISO 8601)</translation>
    </message>
    <message>
        <source>filen</source>
        <translation>the file</translation>
    </message>
    <message>
        <source>nøglen »{key}« står der to gange</source>
        <translation>the key »{key}« appears twice</translation>
    </message>
    <message>
        <source>et tal med {n} cifre</source>
        <translation>a number with {n} digits</translation>
    </message>
    <message>
        <source>{name} er ikke et tal</source>
        <translation>{name} is not a number</translation>
    </message>
    <message>
        <source>er {size} MB; en sag fylder under {limit} MB</source>
        <translation>is {size} MB; a case takes up less than {limit} MB</translation>
    </message>
    <message>
        <source>er indlejret for dybt til at være en sag</source>
        <translation>is nested too deeply to be a case</translation>
    </message>
    <message>
        <source>er ikke en gyldig sagsfil (JSON)</source>
        <translation>is not a valid case file (JSON)</translation>
    </message>
    <message>
        <source>har {n} elementer; højst {limit}</source>
        <translation>has {n} items; at most {limit}</translation>
    </message>
    <message>
        <source>ukendt værdi {value}</source>
        <translation>unknown value {value}</translation>
    </message>
    <message>
        <source>er ikke en sag fra Rolleudpeger</source>
        <translation>is not a case from Rolleudpeger</translation>
    </message>
    <message>
        <source>har formatversion {found}; denne version læser {version}</source>
        <translation>has format version {found}; this version reads {version}</translation>
    </message>
    <message>
        <source>sagen hører til en anden opgave ({task})</source>
        <translation>the case belongs to another task ({task})</translation>
    </message>
    <message>
        <source>ukendt trin {step}</source>
        <translation>unknown step {step}</translation>
    </message>
    <message>
        <source>ukendt felt</source>
        <translation>unknown field</translation>
    </message>
    <message>
        <source>{value} er ikke en dato (åååå-mm-dd)</source>
        <translation>{value} is not a date (yyyy-mm-dd)</translation>
    </message>
    <message>
        <source>et flueben skal være &quot;1&quot; eller tomt</source>
        <translation>a tick must be &quot;1&quot; or empty</translation>
    </message>
    <message>
        <source>ukendt kommunekode {code}</source>
        <translation>unknown municipality code {code}</translation>
    </message>
    <message>
        <source>ukendt trin</source>
        <translation>unknown step</translation>
    </message>
    <message>
        <source>status kan ikke gå fra »{old}« til »{new}«</source>
        <translation>the status cannot go from »{old}« to »{new}«</translation>
    </message>
    <message>
        <source>spørgsmålet er tomt</source>
        <translation>the question is empty</translation>
    </message>
    <message>
        <source>mangler</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>ukendt rolle</source>
        <translation>unknown role</translation>
    </message>
    <message>
        <source>»{status}« passer ikke til sagen; det mangler: {items}</source>
        <translation>»{status}« does not fit the case; missing: {items}</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Vejledning – {app}</source>
        <translation>Guide – {app}</translation>
    </message>
    <message>
        <source>Vejledning</source>
        <translation>Guide</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Skriv derefter den nye projektleders oplysninger. Den nye skal oprettes i KLIK med brugertypen PLUS, og KOMBIT skal have en ny mail om den nye projektleder.</source>
        <translation>Then write the new project leader&apos;s details. The new one must be created in KLIK with the user type PLUS, and KOMBIT must get a new mail about the new project leader.</translation>
    </message>
    <message>
        <source>Skriv derefter den nye projektejers oplysninger. Den nye skal oprettes i KLIK med brugertypen LÆSER. KOMBIT skal ikke have besked om projektejeren.</source>
        <translation>Then write the new project owner&apos;s details. The new one must be created in KLIK with the user type LÆSER. KOMBIT is not to be told about the project owner.</translation>
    </message>
    <message>
        <source>{name} gemmes som tidligere {role} med sin periode og den beslutning, der udpegede {name}. Felterne tømmes til den nye. KLIK-status ændres ikke.

{after}</source>
        <translation>{name} is kept as former {role}, with the period and the decision that appointed {name}. The fields are emptied for the new one. The KLIK status does not change.

{after}</translation>
    </message>
    <message>
        <source>Den nye overtager fra (skal udfyldes)</source>
        <translation>The new one takes over on (required)</translation>
    </message>
    <message>
        <source>dd.mm.åååå – dagen, den nye har rollen fra</source>
        <translation>dd.mm.yyyy – the day the new one holds the role from</translation>
    </message>
    <message>
        <source>Besluttet af</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Fx bibliotekschefen</source>
        <translation>E.g. the library director</translation>
    </message>
    <message>
        <source>Besluttet den</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>{name} er gemt som tidligere {role}.</source>
        <translation>{name} is kept as former {role}.</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Stilling</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Ingen endnu.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>Sendt</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Emne</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>om tidligere projektleder</source>
        <translation>about a former project leader</translation>
    </message>
    <message>
        <source>Tryk Enter eller dobbeltklik på en mail for at læse den, som den blev sendt.</source>
        <translation>Press Enter or double-click a mail to read it as it was sent.</translation>
    </message>
    <message>
        <source>Mail sendt til KOMBIT</source>
        <translation>Mail sent to KOMBIT</translation>
    </message>
    <message>
        <source>Sendt {day} · markeret som sendt {time}</source>
        <translation>Sent {day} · marked as sent {time}</translation>
    </message>
    <message>
        <source>Mailens tekst</source>
        <translation>The text of the mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nuværende {role}: {name}</source>
        <translation>Present {role}: {name}</translation>
    </message>
    <message>
        <source>Kan bruges, når der er en {role}.</source>
        <translation>Can be used once there is a {role}.</translation>
    </message>
    <message>
        <source>{role} fra {day}: {name}</source>
        <translation>{role} from {day}: {name}</translation>
    </message>
    <message>
        <source>Ingen mail er markeret som sendt endnu.</source>
        <translation>No mail has been marked as sent yet.</translation>
    </message>
    <message>
        <source>fortrudt {time}</source>
        <translation>withdrawn {time}</translation>
    </message>
    <message>
        <source>gældende</source>
        <translation>current</translation>
    </message>
    <message>
        <source>afløst</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>Skriv først fristen, som KLIK viser den (dd.mm.åååå).</source>
        <translation>First write the deadline as KLIK shows it (dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>KLIK-frist.ics</source>
        <translation>KLIK-deadline.ics</translation>
    </message>
    <message>
        <source>Kalender (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Frist i KLIK: {task}</source>
        <translation>Deadline in KLIK: {task}</translation>
    </message>
    <message>
        <source>KLIK-opgaven »{task}« skal være fuldført{municipality}.</source>
        <translation>The KLIK task »{task}« must be completed{municipality}.</translation>
    </message>
    <message>
        <source>Gemt som {file}. Åbn filen for at lægge fristen i din kalender.</source>
        <translation>Saved as {file}. Open the file to put the deadline in your calendar.</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <source>projektlederens fornavn</source>
        <translation>the project leader&apos;s first name</translation>
    </message>
    <message>
        <source>projektlederens efternavn</source>
        <translation>the project leader&apos;s last name</translation>
    </message>
    <message>
        <source>en gyldig e-mail til projektlederen</source>
        <translation>a valid e-mail address for the project leader</translation>
    </message>
    <message>
        <source>et gyldigt telefonnummer til projektlederen</source>
        <translation>a valid phone number for the project leader</translation>
    </message>
    <message>
        <source>Åbn i &amp;mailprogram</source>
        <translation>Open in &amp;mail program</translation>
    </message>
    <message>
        <source>&amp;Kopiér mail</source>
        <translation>&amp;Copy mail</translation>
    </message>
    <message>
        <source>Gem som k&amp;ladde (.eml)…</source>
        <translation>Save as &amp;draft (.eml)…</translation>
    </message>
    <message>
        <source>Markér den &amp;opdaterede mail som sendt</source>
        <translation>Mark the &amp;updated mail as sent</translation>
    </message>
    <message>
        <source>Sendt den</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>dd.mm.åååå – dagen, du sendte mailen</source>
        <translation>dd.mm.yyyy – the day you sent the mail</translation>
    </message>
    <message>
        <source>Markeret som sendt {time}</source>
        <translation>Marked as sent {time}</translation>
    </message>
    <message>
        <source>KOMBIT har gamle oplysninger: oplysningerne i mailen er ændret, efter den blev sendt. Send den opdaterede mail herunder, og markér den som sendt.</source>
        <translation>KOMBIT has old details: the details in the mail changed after it was sent. Send the updated mail below and mark it as sent.</translation>
    </message>
    <message>
        <source>Dit mailprogram kunne ikke åbnes. Brug »Kopiér mail«, og indsæt i en ny mail.</source>
        <translation>Your mail program could not be opened. Use “Copy mail” and paste it into a new mail.</translation>
    </message>
    <message>
        <source>Mailen er sendt til {to}</source>
        <translation>The mail has been sent to {to}</translation>
    </message>
    <message>
        <source>Mailen er kopieret. Indsæt den i en ny mail til {to}.</source>
        <translation>The mail has been copied. Paste it into a new mail to {to}.</translation>
    </message>
    <message>
        <source>Gem mailen som kladde</source>
        <translation>Save the mail as a draft</translation>
    </message>
    <message>
        <source>Mail til KOMBIT.eml</source>
        <translation>Mail to KOMBIT.eml</translation>
    </message>
    <message>
        <source>Mailkladde (*.eml)</source>
        <translation>Mail draft (*.eml)</translation>
    </message>
    <message>
        <source>Gemt som {file}. Åbn filen, og send mailen.</source>
        <translation>Saved as {file}. Open the file and send the mail.</translation>
    </message>
    <message>
        <source>Fortryd »sendt«</source>
        <translation>Undo “sent”</translation>
    </message>
    <message>
        <source>Er mailen alligevel ikke sendt? Markeringen fjernes, men den gemte tekst og tidspunktet bliver stående i loggen.</source>
        <translation>Was the mail not sent after all? The tick is removed, but the saved text and the time stay in the log.</translation>
    </message>
    <message>
        <source>Mailen er klar, når du har udfyldt: {items}.</source>
        <translation>The mail is ready once you have filled in: {items}.</translation>
    </message>
    <message>
        <source>Sådan ser mailen ud. Den indeholder kun projektlederen. Den er underskrevet med kommunens navn, ikke udførerens: udføreren ({step}) har samme efternavn som projektejeren, og KOMBIT må ikke få projektejerens navn.</source>
        <translation>This is the mail. It holds the project leader only. It is signed with the municipality&apos;s name, not the performer&apos;s: the performer ({step}) has the same last name as the project owner, and KOMBIT must not get the project owner&apos;s name.</translation>
    </message>
    <message>
        <source>Sådan ser mailen ud. Den indeholder kun projektlederen.</source>
        <translation>This is the mail. It contains only the project leader. It is in Danish, for KOMBIT.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Trin</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>‹ T&amp;ilbage</source>
        <translation>‹ &amp;Back</translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>&amp;Næste ›</source>
        <translation>&amp;Next ›</translation>
    </message>
    <message>
        <source>Næste</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>&amp;Trin</source>
        <translation>&amp;Steps</translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Udskriv rapport…</source>
        <translation>&amp;Print report…</translation>
    </message>
    <message>
        <source>&amp;Gem rapport som PDF…</source>
        <translation>&amp;Save report as PDF…</translation>
    </message>
    <message>
        <source>Gendan &amp;sikkerhedskopi…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>&amp;Eksportér sag…</source>
        <translation>&amp;Export case…</translation>
    </message>
    <message>
        <source>&amp;Importér sag…</source>
        <translation>&amp;Import case…</translation>
    </message>
    <message>
        <source>S&amp;let sag og persondata…</source>
        <translation>&amp;Delete case and personal data…</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Hjælp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Vejledning</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>&amp;Om Rolleudpeger…</source>
        <translation>&amp;About Rolleudpeger…</translation>
    </message>
    <message>
        <source>S&amp;prog</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>{message} Intet er gået tabt af det, der allerede var gemt.</source>
        <translation>{message} Nothing already saved has been lost.</translation>
    </message>
    <message>
        <source>Ikke gemt</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Disse felter kunne ikke gemmes: {fields}.

Lukker du nu, går det, du skrev i dem, tabt. Vil du lukke alligevel?</source>
        <translation>These fields could not be saved: {fields}.

If you close now, what you typed in them is lost. Close anyway?</translation>
    </message>
    <message>
        <source>Browseren kunne ikke åbnes. Adressen {url} er kopieret – sæt den ind i en browser.</source>
        <translation>The browser could not be opened. The address {url} is copied – paste it into a browser.</translation>
    </message>
    <message>
        <source>Sikkerhedskopien er hentet tilbage.</source>
        <translation>The backup has been restored.</translation>
    </message>
    <message>
        <source>Sagen er importeret.</source>
        <translation>The case has been imported.</translation>
    </message>
    <message>
        <source>Sagen og alle persondata er slettet.</source>
        <translation>The case and all personal data have been deleted.</translation>
    </message>
</context>
<context>
    <name>Municipalities</name>
    <message>
        <source>Kommunelisten {path} kan ikke læses: {reason}.</source>
        <translation>The list of municipalities {path} cannot be read: {reason}.</translation>
    </message>
    <message>
        <source>Kommunelisten {path}, linje {line}, er ugyldig.</source>
        <translation>The list of municipalities {path}, line {line}, is not valid.</translation>
    </message>
</context>
<context>
    <name>OsError</name>
    <message>
        <source>disken er fuld</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>du har ikke adgang</source>
        <translation>you do not have access</translation>
    </message>
    <message>
        <source>drevet er skrivebeskyttet</source>
        <translation>the drive is read-only</translation>
    </message>
    <message>
        <source>en fil står i vejen for mappen</source>
        <translation>a file is in the way of the folder</translation>
    </message>
    <message>
        <source>der er en mappe med det navn</source>
        <translation>there is a folder with that name</translation>
    </message>
    <message>
        <source>mappen findes ikke</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>den findes allerede</source>
        <translation>it already exists</translation>
    </message>
    <message>
        <source>navnet er for langt</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>det er et link (en genvej) til et andet sted, og Rolleudpeger følger ikke links</source>
        <translation>it is a link (a shortcut) to somewhere else, and Rolleudpeger does not follow links</translation>
    </message>
    <message>
        <source>filen er åben i et andet program. Luk det program, og prøv igen</source>
        <translation>the file is open in another program. Close that program and try again</translation>
    </message>
    <message>
        <source>det er ikke en almindelig fil</source>
        <translation>it is not an ordinary file</translation>
    </message>
    <message>
        <source>filen har også et andet navn (et hårdt link), så et andet program kan skrive i den, og Rolleudpeger bruger den ikke. Kopiér filen i stedet for at linke den</source>
        <translation>the file has another name too (a hard link), so another program could write to it, and Rolleudpeger does not use it. Copy the file instead of linking it</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Spørgsmål</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Stillet</source>
        <translation>Asked</translation>
    </message>
    <message>
        <source>Svar fra KOMBIT</source>
        <translation>KOMBIT&apos;s answer</translation>
    </message>
    <message>
        <source>Svar på: {question}</source>
        <translation>Answer to: {question}</translation>
    </message>
    <message>
        <source>Nyt spørgsmål</source>
        <translation>New question</translation>
    </message>
    <message>
        <source>Skriv spørgsmålet, som du stiller i KLIK</source>
        <translation>Type the question as you ask it in KLIK</translation>
    </message>
    <message>
        <source>Tilføj &amp;spørgsmål</source>
        <translation>Add &amp;question</translation>
    </message>
    <message>
        <source>Tilføj spørgsmål</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>Sl&amp;et valgt spørgsmål</source>
        <translation>&amp;Delete selected question</translation>
    </message>
    <message>
        <source>Slet valgt spørgsmål</source>
        <translation>Delete selected question</translation>
    </message>
    <message>
        <source>Nyt spørgsmål:</source>
        <translation>New question:</translation>
    </message>
    <message>
        <source>Besvaret den</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>Skriv KOMBITs svar i kolonnen »Svar fra KOMBIT« (dobbeltklik eller F2). Dagen, KOMBIT svarede, står under »Besvaret den«; ret den, hvis det ikke var i dag.</source>
        <translation>Write KOMBIT’s answer in the column “Answer from KOMBIT” (double-click or F2). The day KOMBIT answered is under “Answered on”; correct it if it was not today.</translation>
    </message>
    <message>
        <source>Ingen spørgsmål endnu.</source>
        <translation>No questions yet.</translation>
    </message>
    <message>
        <source>Vælg først det spørgsmål, du vil slette.</source>
        <translation>First select the question you want to delete.</translation>
    </message>
    <message>
        <source>Spørgsmålet er tilføjet. Der er {n} spørgsmål.</source>
        <translation>The question is added. There are {n} questions.</translation>
    </message>
    <message>
        <source>Svaret er gemt.</source>
        <translation>The answer is saved.</translation>
    </message>
    <message>
        <source>Svaret er fjernet.</source>
        <translation>The answer is removed.</translation>
    </message>
    <message>
        <source>Slet spørgsmål</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>Slet spørgsmålet »{question}«?</source>
        <translation>Delete the question “{question}”?</translation>
    </message>
    <message>
        <source>Dobbeltklik for at skrive KOMBITs svar</source>
        <translation>Double-click to type KOMBIT&apos;s answer</translation>
    </message>
    <message>
        <source>ikke besvaret</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>Svaret er skrevet ind {time}</source>
        <translation>The answer was entered {time}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>KLIK-status</source>
        <translation>KLIK status</translation>
    </message>
    <message>
        <source>Afventer</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Udskrevet {time} · Rolleudpeger {version}</source>
        <translation>Printed {time} · Rolleudpeger {version}</translation>
    </message>
    <message>
        <source>Rapport: {title} – {municipality}</source>
        <translation>Report: {title} – {municipality}</translation>
    </message>
    <message>
        <source>(j.nr. {number})</source>
        <translation>(case no. {number})</translation>
    </message>
    <message>
        <source>Lavet {time} · Rolleudpeger {version}</source>
        <translation>Made {time} · Rolleudpeger {version}</translation>
    </message>
    <message>
        <source>markeret som sendt: »{subject}«</source>
        <translation>marked as sent: »{subject}«</translation>
    </message>
    <message>
        <source>(sendt {date})</source>
        <translation>(sent {date})</translation>
    </message>
    <message>
        <source>markeret som sendt</source>
        <translation>marked as sent</translation>
    </message>
    <message>
        <source>sendt</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>fortrudt</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>afventer</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>markeret</source>
        <translation>ticked</translation>
    </message>
    <message>
        <source>afventer: {note}</source>
        <translation>waiting: {note}</translation>
    </message>
    <message>
        <source>{status} (begrundelse: {reason})</source>
        <translation>{status} (reason: {reason})</translation>
    </message>
    <message>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Ny {role}</source>
        <translation>New {role}</translation>
    </message>
    <message>
        <source>en ny overtager fra {date}</source>
        <translation>someone new takes over on {date}</translation>
    </message>
    <message>
        <source>en ny overtager</source>
        <translation>someone new takes over</translation>
    </message>
    <message>
        <source>importeret fra {file}</source>
        <translation>imported from {file}</translation>
    </message>
    <message>
        <source>Sendt den (mailen »{subject}«)</source>
        <translation>Sent on (the mail »{subject}«)</translation>
    </message>
    <message>
        <source>Besvaret den (»{question}«)</source>
        <translation>Answered on (»{question}«)</translation>
    </message>
    <message>
        <source>følger af: ny {role}</source>
        <translation>follows from: new {role}</translation>
    </message>
    <message>
        <source>følger af: »{field}«</source>
        <translation>follows from: “{field}”</translation>
    </message>
    <message>
        <source>følger af en anden ændring</source>
        <translation>follows from another change</translation>
    </message>
    <message>
        <source>fra importeret fil</source>
        <translation>from an imported file</translation>
    </message>
    <message>
        <source>KLIK-bruger ({user_type}) er ikke oprettet endnu</source>
        <translation>KLIK user ({user_type}) not created yet</translation>
    </message>
    <message>
        <source>Periode: fra {start}</source>
        <translation>Period: from {start}</translation>
    </message>
    <message>
        <source>ikke udpeget</source>
        <translation>not appointed</translation>
    </message>
    <message>
        <source>Projektleder</source>
        <translation>Project leader</translation>
    </message>
    <message>
        <source>Projektejer</source>
        <translation>Project owner</translation>
    </message>
    <message>
        <source>Ansvarlig på KLIK-opgaven</source>
        <translation>Responsible for the KLIK task</translation>
    </message>
    <message>
        <source>Udfører på KLIK-opgaven</source>
        <translation>Performer of the KLIK task</translation>
    </message>
    <message>
        <source>Bibliotekschef</source>
        <translation>Library director</translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Tidligere {role}</source>
        <translation>Former {role}</translation>
    </message>
    <message>
        <source>Oprettet i KLIK med brugertypen {user_type} (markeret {date})</source>
        <translation>Created in KLIK with user type {user_type} (ticked {date})</translation>
    </message>
    <message>
        <source>{user_type}-adgangen i KLIK er ikke markeret som fjernet</source>
        <translation>The {user_type} access in KLIK is not marked as removed</translation>
    </message>
    <message>
        <source>{user_type}-adgangen i KLIK er fjernet (markeret {date})</source>
        <translation>The {user_type} access in KLIK is removed (ticked {date})</translation>
    </message>
    <message>
        <source>Periode: {span}</source>
        <translation>Period: {span}</translation>
    </message>
    <message>
        <source>ØiR-koordinator</source>
        <translation>ØiR coordinator</translation>
    </message>
    <message>
        <source>Projektlederen har fået den (markeret {date})</source>
        <translation>The project leader has received it (ticked {date})</translation>
    </message>
    <message>
        <source>Invitation til webinaret</source>
        <translation>Invitation to the webinar</translation>
    </message>
    <message>
        <source>Ikke markeret som modtaget</source>
        <translation>Not ticked as received</translation>
    </message>
    <message>
        <source>{day} (markeret {time})</source>
        <translation>{day} (ticked {time})</translation>
    </message>
    <message>
        <source>fortrudt {time}</source>
        <translation>withdrawn {time}</translation>
    </message>
    <message>
        <source>afløst af en senere mail</source>
        <translation>replaced by a later mail</translation>
    </message>
    <message>
        <source>om en tidligere projektleder; den nye er ikke meldt endnu</source>
        <translation>about a former project leader; the new one has not been reported yet</translation>
    </message>
    <message>
        <source>Kommune ikke valgt</source>
        <translation>Municipality not chosen</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Godkendt af</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Dokumentation af KLIK-opgave</source>
        <translation>Documentation of a KLIK task</translation>
    </message>
    <message>
        <source>Journalnummer: {number}</source>
        <translation>Case number: {number}</translation>
    </message>
    <message>
        <source>Udarbejdet af {name} (udfører på KLIK-opgaven)</source>
        <translation>Prepared by {name} (performer of the KLIK task)</translation>
    </message>
    <message>
        <source>KLIK-status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>KLIK status: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Påbegyndt {time}</source>
        <translation>Påbegyndt {time}</translation>
    </message>
    <message>
        <source>Fuldført {time}</source>
        <translation>Fuldført {time}</translation>
    </message>
    <message>
        <source>Frist i KLIK {date}</source>
        <translation>Deadline in KLIK {date}</translation>
    </message>
    <message>
        <source>Mål:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <source>Beskrivelse:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Resultat:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Udpegninger</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Oplysninger</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Aftaler og oplysninger</source>
        <translation>Agreements and information</translation>
    </message>
    <message>
        <source>Emne</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Det er aftalt / oplyst</source>
        <translation>Agreed / stated</translation>
    </message>
    <message>
        <source>Trinene</source>
        <translation>The steps</translation>
    </message>
    <message>
        <source>Trin</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Færdig</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Stillet</source>
        <translation>Asked</translation>
    </message>
    <message>
        <source>Spørgsmål</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Besvaret</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>ikke besvaret</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>registreret {time}</source>
        <translation>registered {time}</translation>
    </message>
    <message>
        <source>Sendt {day} (markeret som sendt {time}) til {address}. Den nøjagtige tekst:</source>
        <translation>Sent {day} (marked as sent {time}) to {address}. The exact text:</translation>
    </message>
    <message>
        <source>Mailen om den nuværende projektleder er ikke sendt endnu.</source>
        <translation>The mail about the current project leader has not been sent yet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bemærk:&lt;/b&gt; Oplysningerne i mailen er ændret, efter den blev sendt. Mailen herunder har de gamle oplysninger.</source>
        <translation>&lt;b&gt;Note:&lt;/b&gt; The details in the mail changed after it was sent. The mail below has the old details.</translation>
    </message>
    <message>
        <source>Godkendelse</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Hændelser dag for dag</source>
        <translation>Events day by day</translation>
    </message>
    <message>
        <source>Godkendt af bibliotekschef</source>
        <translation>Approved by the library director</translation>
    </message>
    <message>
        <source>Trin og felt</source>
        <translation>Step and field</translation>
    </message>
    <message>
        <source>&lt;p&gt;Navn: {name}&lt;/p&gt;&lt;p&gt;&lt;br&gt;Dato: {line}&lt;/p&gt;&lt;p&gt;&lt;br&gt;Underskrift: {line}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Name: {name}&lt;/p&gt;&lt;p&gt;&lt;br&gt;Date: {line}&lt;/p&gt;&lt;p&gt;&lt;br&gt;Signature: {line}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;IKKE FULDFØRT.&lt;/b&gt; Opgaven er ikke afsluttet. Der mangler:</source>
        <translation>&lt;b&gt;NOT COMPLETED.&lt;/b&gt; The task has not been completed. Still missing:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bemærk:&lt;/b&gt; {n} spørgsmål til KOMBIT er ikke besvaret:</source>
        <translation>&lt;b&gt;Note:&lt;/b&gt; {n} question(s) put to KOMBIT have not been answered:</translation>
    </message>
    <message>
        <source>Opgaven</source>
        <translation>The task</translation>
    </message>
    <message>
        <source>Der er ikke stillet spørgsmål.</source>
        <translation>No questions have been asked.</translation>
    </message>
    <message>
        <source>Mailen er ikke sendt endnu.</source>
        <translation>The mail has not been sent yet.</translation>
    </message>
    <message>
        <source>Tidligere mail, sendt {day} (markeret som sendt {time}) til {address} ({status}):</source>
        <translation>Earlier mail, sent {day} (marked as sent {time}) to {address} ({status}):</translation>
    </message>
    <message>
        <source>Rollen som projektejer er accepteret af</source>
        <translation>The role of project owner is accepted by</translation>
    </message>
    <message>
        <source>Bilag: Hændelseslog</source>
        <translation>Appendix: Event log</translation>
    </message>
    <message>
        <source>Alle {n} hændelser i den rækkefølge, de skete, under den dag, de skete. Rapportens afsnit »Hændelser dag for dag« samler dem pr. felt og dag.</source>
        <translation>All {n} events in the order they happened, under the day they happened. The report’s section “Events day by day” sums them up per field and day.</translation>
    </message>
    <message>
        <source>Ingen hændelser.</source>
        <translation>No events.</translation>
    </message>
    <message>
        <source>Hver linje samler ændringerne af ét felt på én dag: hvor mange, hvad der stod før dagens første, og hvad der stod efter dagens sidste. Hver enkelt hændelse står i bilaget.</source>
        <translation>Each line sums up the changes to one field on one day: how many, what it said before the first of the day, and what it said after the last. Every single event is in the appendix.</translation>
    </message>
    <message>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Før</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Efter</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Side {page} af {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>Rapporten blev ikke gemt: PDF/A kræver samme tid i filens to datofelter, og det lykkedes ikke. Prøv igen.</source>
        <translation>The report was not saved: PDF/A needs the same time in the file&apos;s two date fields, and that did not work. Try again.</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Dokumentation af KLIK-opgaven »{title}«</source>
        <translation>Documentation of the KLIK task “{title}”</translation>
    </message>
    <message>
        <source>Rapporten laves</source>
        <translation>Making the report</translation>
    </message>
    <message>
        <source>Rapporten laves. Vent et øjeblik …</source>
        <translation>Making the report. Please wait …</translation>
    </message>
    <message>
        <source>Rapporten laves: side {done} af {total}</source>
        <translation>Making the report: page {done} of {total}</translation>
    </message>
    <message>
        <source>Gem rapporten som PDF</source>
        <translation>Save the report as PDF</translation>
    </message>
    <message>
        <source>Rapporten er gemt som {file} ({pages} sider).</source>
        <translation>The report has been saved as {file} ({pages} pages).</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>Der er ingen sag i {folder} endnu. Åbn Rolleudpeger og begynd på opgaven først.</source>
        <translation>There is no case in {folder} yet. Open Rolleudpeger and start on the task first.</translation>
    </message>
    <message>
        <source>{reason} Rapporten er ikke skrevet.</source>
        <translation>{reason} The report has not been written.</translation>
    </message>
    <message>
        <source>Databasen i {folder} var beskadiget og er lagt til side, og sikkerhedskopien er ikke hentet ind endnu. Åbn Rolleudpeger: den henter sikkerhedskopien. Lav rapporten bagefter.</source>
        <translation>The database in {folder} was damaged and has been set aside, and the backup has not been restored yet. Open Rolleudpeger: it restores the backup. Make the report afterwards.</translation>
    </message>
    <message>
        <source>{folder} er ikke en mappe.</source>
        <translation>{folder} is not a folder.</translation>
    </message>
    <message>
        <source>Databasen i {folder} er fra en nyere version af Rolleudpeger (skema {revision}).</source>
        <translation>The database in {folder} is from a newer version of Rolleudpeger (schema {revision}).</translation>
    </message>
    <message>
        <source>{file} er ikke en database fra Rolleudpeger (eller er beskadiget).</source>
        <translation>{file} is not a Rolleudpeger database (or it is damaged).</translation>
    </message>
    <message>
        <source>Databasen i {folder} er ændret uden om Rolleudpeger ({what}); der laves ingen rapport af den. Åbn Rolleudpeger: den lægger filen til side og henter den nyeste gode sikkerhedskopi.</source>
        <translation>The database in {folder} has been changed outside Rolleudpeger ({what}); no report is made from it. Open Rolleudpeger: it puts the file aside and brings back the newest good backup.</translation>
    </message>
    <message>
        <source>Kunne ikke skrive rapporten til {file}: {reason}.</source>
        <translation>Could not write the report to {file}: {reason}.</translation>
    </message>
    <message>
        <source>Rapporten er gemt i {file} ({pages} sider).</source>
        <translation>The report has been saved in {file} ({pages} pages).</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>projektleder</source>
        <translation>project leader</translation>
    </message>
    <message>
        <source>projektejer</source>
        <translation>project owner</translation>
    </message>
    <message>
        <source>ansvarlig</source>
        <translation>responsible person</translation>
    </message>
    <message>
        <source>udfører</source>
        <translation>performer</translation>
    </message>
    <message>
        <source>bibliotekschef</source>
        <translation>library director</translation>
    </message>
    <message>
        <source>ØiR-koordinator</source>
        <translation>ØiR coordinator</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>kolonnen »{column}« i tabellen »{table}«</source>
        <translation>the column »{column}« in the table »{table}«</translation>
    </message>
    <message>
        <source>tabellen »{name}«</source>
        <translation>the table »{name}«</translation>
    </message>
    <message>
        <source>indekset »{name}«</source>
        <translation>the index »{name}«</translation>
    </message>
    <message>
        <source>triggeren »{name}«</source>
        <translation>the trigger »{name}«</translation>
    </message>
    <message>
        <source>viewet »{name}«</source>
        <translation>the view »{name}«</translation>
    </message>
    <message>
        <source>tabellen »{name}« mangler</source>
        <translation>the table »{name}« is missing</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>{group}, {label}</source>
        <translation>{group}, {label}</translation>
    </message>
    <message>
        <source>Afventer – trinnet venter på andre</source>
        <translation>Waiting – the step is waiting for others</translation>
    </message>
    <message>
        <source>Afventer</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Hvad venter trinnet på</source>
        <translation>What the step is waiting for</translation>
    </message>
    <message>
        <source>Afventer – siden {time}</source>
        <translation>Waiting – since {time}</translation>
    </message>
    <message>
        <source>Se, hvad der mangler</source>
        <translation>See what is missing</translation>
    </message>
    <message>
        <source>Går til listen nederst på siden</source>
        <translation>Goes to the list at the bottom of the page</translation>
    </message>
    <message>
        <source>Status: {state}.</source>
        <translation>Status: {state}.</translation>
    </message>
    <message>
        <source>Status: {state}. Der mangler {n}.</source>
        <translation>Status: {state}. {n} missing.</translation>
    </message>
    <message>
        <source>Der mangler på dette trin:</source>
        <translation>Missing on this step:</translation>
    </message>
    <message>
        <source>Går til feltet</source>
        <translation>Goes to the field</translation>
    </message>
    <message>
        <source>Trin {number} af {total}: {title}</source>
        <translation>Step {number} of {total}: {title}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;{phase} · {theme} · Prioritet: {priority}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mål:&lt;/b&gt; {goal}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Beskrivelse:&lt;/b&gt;&lt;/p&gt;{description}&lt;p&gt;&lt;b&gt;Resultat:&lt;/b&gt; {result}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Anbefalet udfører:&lt;/b&gt; {performer}&lt;br&gt;&lt;b&gt;Involverede parter:&lt;/b&gt; {parties}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Trinene:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;{phase} · {theme} · Priority: {priority}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Goal:&lt;/b&gt; {goal}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Description:&lt;/b&gt;&lt;/p&gt;{description}&lt;p&gt;&lt;b&gt;Result:&lt;/b&gt; {result}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Recommended performer:&lt;/b&gt; {performer}&lt;br&gt;&lt;b&gt;Involved parties:&lt;/b&gt; {parties}&lt;/p&gt;&lt;p&gt;&lt;b&gt;The steps:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Hvad venter du på? Fx: svar fra kommunens KOMBIT-programleder</source>
        <translation>What are you waiting for? E.g. an answer from your municipality&apos;s KOMBIT programme leader</translation>
    </message>
    <message>
        <source>Åbner {url} i browseren</source>
        <translation>Opens {url} in the browser</translation>
    </message>
</context>
<context>
    <name>StepState</name>
    <message>
        <source>ikke startet</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>i gang</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>afventer</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>færdig</source>
        <translation>done</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>disken er fuld</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>databasen eller datamappen er skrivebeskyttet. Giv dig selv skriveadgang til datamappen (eller bed IT om det), og start Rolleudpeger igen</source>
        <translation>the database or the data folder is read-only. Give yourself write access to the data folder (or ask IT to), and start Rolleudpeger again</translation>
    </message>
    <message>
        <source>databasen er låst af et andet program</source>
        <translation>the database is locked by another program</translation>
    </message>
    <message>
        <source>filen er beskadiget eller ikke en database</source>
        <translation>the file is damaged or not a database</translation>
    </message>
    <message>
        <source>filen kan ikke åbnes</source>
        <translation>the file cannot be opened</translation>
    </message>
    <message>
        <source>Kunne ikke gemme: {reason}.</source>
        <translation>Could not save: {reason}.</translation>
    </message>
    <message>
        <source>Databasen {path} kan ikke åbnes: {error}</source>
        <translation>The database {path} cannot be opened: {error}</translation>
    </message>
    <message>
        <source>Databasen {path} kunne ikke opdateres til denne version ({error}). Den er ikke ændret, og en kopi ligger i {backups}.</source>
        <translation>The database {path} could not be upgraded to this version ({error}). It has not been changed, and a copy is in {backups}.</translation>
    </message>
</context>
<context>
    <name>Targets</name>
    <message>
        <source>»{name}« er et navn, Windows bruger til en enhed. Vælg et andet navn.</source>
        <translation>“{name}” is a name Windows uses for a device. Choose another name.</translation>
    </message>
    <message>
        <source>»{name}« slutter med et punktum eller et mellemrum. Vælg et andet navn.</source>
        <translation>“{name}” ends with a full stop or a space. Choose another name.</translation>
    </message>
    <message>
        <source>Stien {file} er for lang ({n} tegn; Windows tillader højst {max}). Vælg en mappe med en kortere sti.</source>
        <translation>The path {file} is too long ({n} characters; Windows allows at most {max}). Choose a folder with a shorter path.</translation>
    </message>
    <message>
        <source>{file} er en af Rolleudpegers egne filer i datamappen {folder}. Gem filen et andet sted, fx i Dokumenter.</source>
        <translation>{file} is one of Rolleudpeger&apos;s own files in the data folder {folder}. Save the file somewhere else, e.g. in Documents.</translation>
    </message>
    <message>
        <source>{file} er ikke en almindelig fil. Vælg et andet navn.</source>
        <translation>{file} is not an ordinary file. Choose another name.</translation>
    </message>
    <message>
        <source>{file} er en database. Rolleudpeger skriver aldrig over en database. Vælg et andet navn.</source>
        <translation>{file} is a database. Rolleudpeger never writes over a database. Choose another name.</translation>
    </message>
</context>
<context>
    <name>TaskDefinition</name>
    <message>
        <source>Opgavefilen {path} er ugyldig: {where}: {what}</source>
        <translation>The task file {path} is not valid: {where}: {what}</translation>
    </message>
    <message>
        <source>»{key}« mangler</source>
        <translation>“{key}” is missing</translation>
    </message>
    <message>
        <source>»{key}« skal være tekst</source>
        <translation>“{key}” must be text</translation>
    </message>
    <message>
        <source>»{key}« er tom</source>
        <translation>“{key}” is empty</translation>
    </message>
    <message>
        <source>afsnittet [{key}] mangler</source>
        <translation>the section [{key}] is missing</translation>
    </message>
    <message>
        <source>»{key}« skal være en liste af tabeller ([[{key}]])</source>
        <translation>“{key}” must be a list of tables ([[{key}]])</translation>
    </message>
    <message>
        <source>Opgavefilen {path} er ugyldig: {where}: oversættelsen »{twin}« mangler</source>
        <translation>The task file {path} is invalid: {where}: the translation “{twin}” is missing</translation>
    </message>
    <message>
        <source>Opgavefilen {path} findes ikke.</source>
        <translation>The task file {path} does not exist.</translation>
    </message>
    <message>
        <source>Opgavefilen {path} kan ikke læses ({reason}).</source>
        <translation>The task file {path} cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Opgavefilen {path} er ikke gemt som UTF-8.</source>
        <translation>The task file {path} is not saved as UTF-8.</translation>
    </message>
    <message>
        <source>Opgavefilen {path} er ikke gyldig TOML: {error}</source>
        <translation>The task file {path} is not valid TOML: {error}</translation>
    </message>
    <message>
        <source>forventede format = {expected}, fandt {found}</source>
        <translation>expected format = {expected}, found {found}</translation>
    </message>
    <message>
        <source>»involved_parties« skal være en liste af tekster</source>
        <translation>“involved_parties” must be a list of texts</translation>
    </message>
    <message>
        <source>»new_subject« og »new_body« skal være der begge eller ingen af dem</source>
        <translation>“new_subject” and “new_body” must both be there or neither</translation>
    </message>
    <message>
        <source>»{key}« har en ukendt pladsholder: {error}</source>
        <translation>“{key}” has an unknown placeholder: {error}</translation>
    </message>
    <message>
        <source>trin {number}</source>
        <translation>step {number}</translation>
    </message>
    <message>
        <source>trin {number} ({key})</source>
        <translation>step {number} ({key})</translation>
    </message>
    <message>
        <source>nøglen »{key}« findes to gange</source>
        <translation>the key “{key}” is there twice</translation>
    </message>
    <message>
        <source>adressen »{url}« skal begynde med https://</source>
        <translation>the address “{url}” must begin with https://</translation>
    </message>
    <message>
        <source>{where}, felt</source>
        <translation>{where}, field</translation>
    </message>
    <message>
        <source>{where}, felt »{key}«</source>
        <translation>{where}, field “{key}”</translation>
    </message>
    <message>
        <source>nøglen findes to gange</source>
        <translation>the key is there twice</translation>
    </message>
    <message>
        <source>ukendt slags »{kind}«</source>
        <translation>unknown kind “{kind}”</translation>
    </message>
    <message>
        <source>status skal være »Påbegyndt« eller »Fuldført«, ikke »{status}«</source>
        <translation>status must be »Påbegyndt« or »Fuldført«, not »{status}«</translation>
    </message>
    <message>
        <source>»required« skal være true eller false</source>
        <translation>“required” must be true or false</translation>
    </message>
    <message>
        <source>ukendt formål »{purpose}«</source>
        <translation>unknown purpose “{purpose}”</translation>
    </message>
    <message>
        <source>formålet »{purpose}« findes to gange</source>
        <translation>the purpose “{purpose}” is there twice</translation>
    </message>
    <message>
        <source>det første trin og kun det skal have kind = »intro«</source>
        <translation>the first step, and only that one, must have kind = “intro”</translation>
    </message>
    <message>
        <source>»date_of« hører til et datofelt og skal nævne et afkrydsningsfelt på samme trin</source>
        <translation>“date_of” belongs to a date field and must name a check box in the same step</translation>
    </message>
    <message>
        <source>opgaven skal have et felt for hver KLIK-status, »Påbegyndt« og »Fuldført«</source>
        <translation>the task must have a field for each KLIK status, »Påbegyndt« and »Fuldført«</translation>
    </message>
    <message>
        <source>opgaven skal have en indledning og mindst ét trin</source>
        <translation>the task must have an introduction and at least one step</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>sommertid</source>
        <translation>summer time</translation>
    </message>
    <message>
        <source>vintertid</source>
        <translation>winter time</translation>
    </message>
    <message>
        <source>%d.%m.%Y kl. %H.%M</source>
        <translation>%d.%m.%Y %H:%M</translation>
    </message>
    <message>
        <source>kl. %H.%M</source>
        <translation>%H:%M</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Teksten indeholder usynlige styretegn. Skriv den igen uden dem.</source>
        <translation>The text contains invisible control characters. Type it again without them.</translation>
    </message>
    <message>
        <source>Teksten indeholder usynlige tegn (fx et skift af skriveretning eller et mellemrum uden bredde), der kan få den til at se anderledes ud, end den er. Skriv den igen i hånden i stedet for at kopiere den.</source>
        <translation>The text contains invisible characters (such as a change of writing direction or a zero-width space) that can make it look different from what it is. Type it again by hand instead of copying it.</translation>
    </message>
    <message>
        <source>Højst {limit} tegn. Du har skrevet {length}.</source>
        <translation>At most {limit} characters. You have typed {length}.</translation>
    </message>
    <message>
        <source>Skriv en gyldig e-mailadresse, fx fornavn.efternavn@kommune.dk.</source>
        <translation>Enter a valid e-mail address, e.g. firstname.lastname@kommune.dk.</translation>
    </message>
    <message>
        <source>Et telefonnummer må kun indeholde cifre, mellemrum, plus (+), bindestreg (-), parenteser og punktum.</source>
        <translation>A phone number may only contain digits, spaces, plus (+), hyphens (-), brackets and full stops.</translation>
    </message>
    <message>
        <source>Skriv et dansk nummer med 8 cifre. Et udenlandsk nummer skal begynde med + eller 00 og landekoden, fx +299 32 10 00.</source>
        <translation>Enter a Danish number with 8 digits. A foreign number must begin with + or 00 and the country code, e.g. +299 32 10 00.</translation>
    </message>
    <message>
        <source>Den dato findes ikke. Tjek dag og måned, fx 27.11.2026.</source>
        <translation>That date does not exist. Check the day and month, e.g. 27.11.2026.</translation>
    </message>
    <message>
        <source>året {year} ligger ikke mellem {first} og {last}</source>
        <translation>the year {year} is not between {first} and {last}</translation>
    </message>
    <message>
        <source>({time} er {utc} i UTC)</source>
        <translation>({time} is {utc} in UTC)</translation>
    </message>
    <message>
        <source>{end} ligger før {start}</source>
        <translation>{end} is before {start}</translation>
    </message>
    <message>
        <source>Skriv datoen som dd.mm.åååå, fx 27.11.2026.</source>
        <translation>Write the date as dd.mm.yyyy, e.g. 27.11.2026.</translation>
    </message>
    <message>
        <source>Skriv en dato mellem {first} og {last}, fx 27.11.2026.</source>
        <translation>Enter a date between {first} and {last}, e.g. 27.11.2026.</translation>
    </message>
    <message>
        <source>Skriv et dansk nummer med 8 cifre, fx 12 34 56 78.</source>
        <translation>Enter a Danish number with 8 digits, e.g. 12 34 56 78.</translation>
    </message>
    <message>
        <source>Et dansk nummer har 8 cifre, fx 12 34 56 78.</source>
        <translation>A Danish number has 8 digits, e.g. 12 34 56 78.</translation>
    </message>
</context>
</TS>
