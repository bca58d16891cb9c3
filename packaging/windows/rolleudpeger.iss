; Inno Setup 6 script: a per-user install (no admin rights) of the one-folder bundle, or,
; when IT asks for it on the command line with /ALLUSERS, an install for all users in
; Program Files. Silent install, uninstall and detection: packaging/README.md.
; Build on Windows after the bundle exists (see packaging/README.md):
;   iscc packaging\windows\rolleudpeger.iss
; The version is read from rolleudpeger.exe, which the PyInstaller spec stamps with the
; project's version (src/rolleudpeger/__init__.py), so it is written in one place only:
; the three-part version IT sees (setup name, DisplayVersion) is its ProductVersion string;
; Windows' four-part file version (VersionInfoVersion) its numbers.
; Signing (packaging/README.md): iscc /DSIGN "/Ssigntool=signtool.exe sign ... $f" ...

#define Bundle AddBackslash(SourcePath) + "..\..\dist\Rolleudpeger"
#define AppVersion GetStringFileInfo(Bundle + "\rolleudpeger.exe", "ProductVersion")
#define FileVersion GetVersionNumbersString(Bundle + "\rolleudpeger.exe")

[Setup]
AppId={{37CD6D71-4C7D-4B36-A8E0-575860251220}
AppName=Rolleudpeger
AppVersion={#AppVersion}
VersionInfoVersion={#FileVersion}
VersionInfoProductVersion={#AppVersion}
; Qt 6 runs on Windows 10 1809 (build 17763) and newer.
MinVersion=10.0.17763
AppPublisher=The Rolleudpeger developers
DefaultDirName={autopf}\Rolleudpeger
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
; /ALLUSERS (admin) or /CURRENTUSER on the command line; no question in the wizard.
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Rolleudpeger-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\rolleudpeger.ico
UninstallDisplayIcon={app}\rolleudpeger.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef SIGN
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.DeleteData=Vil du også slette dine Rolleudpeger-data (sagen, sikkerhedskopierne og logfilen)?%n%n%1%n%nVælg Nej for at beholde dem. Gem eller udskriv rapporten først, hvis kommunen skal kunne dokumentere opgaven.
english.DeleteData=Also delete your Rolleudpeger data (the case, its backups and the log)?%n%n%1%n%nChoose No to keep them. Save or print the report first if the municipality must keep the record.

; An upgrade first removes the previous bundle's files (Python modules, Qt libraries), so
; that nothing left over from an older version is loaded. The user's data is elsewhere.
[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Rolleudpeger"; Filename: "{app}\rolleudpeger.exe"
; rolleudpeger-cli.exe (the console twin, for `report` and `--version` in cmd or PowerShell)
; is installed next to it, without a shortcut.

[Run]
Filename: "{app}\rolleudpeger.exe"; Description: "{cm:LaunchProgram,Rolleudpeger}"; Flags: nowait postinstall skipifsilent

[Code]
// The data lives in %LOCALAPPDATA%\Rolleudpeger (platformdirs' user data folder, with
// the log in its Logs folder). Uninstalling keeps it unless the user says otherwise.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Rolleudpeger');
    if DirExists(DataDir) and not UninstallSilent then
      if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation,
                MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataDir, True, True, True);
  end;
end;
