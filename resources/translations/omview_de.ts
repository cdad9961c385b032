<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="66"/>
        <source>Load and memory charts of a collector database.</source>
        <translation>Last- und Speicherdiagramme einer Collector-Datenbank.</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="70"/>
        <location filename="../../history/main.cpp" line="43"/>
        <source>The collector database (default: %1).</source>
        <translation>Die Collector-Datenbank (Vorgabe: %1).</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="75"/>
        <source>Show only this node&apos;s chart (and the cluster&apos;s).</source>
        <translation>Nur das Diagramm dieses Knotens (und das des Clusters) anzeigen.</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="79"/>
        <source>hour, day, week, all, a duration (6h, 14d) or FROM..TO (2024-06-10T12:00..now). Default: hour.</source>
        <translation>hour, day, week, all, eine Dauer (6h, 14d) oder VON..BIS (2024-06-10T12:00..now). Vorgabe: hour.</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="84"/>
        <source>Load above this percent is drawn red (default 75).</source>
        <translation>Last über diesem Prozentwert wird rot gezeichnet (Vorgabe 75).</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="88"/>
        <source>Save the window as a PNG once drawn, then quit.</source>
        <translation>Das Fenster nach dem Zeichnen als PNG speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="92"/>
        <source>Window size, WIDTHxHEIGHT (default 1280x860).</source>
        <translation>Fenstergröße, BREITExHÖHE (Vorgabe 1280x860).</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="95"/>
        <source>Use a dark palette.</source>
        <translation>Eine dunkle Farbpalette verwenden.</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="102"/>
        <source>one database at a time</source>
        <translation>nur eine Datenbank auf einmal</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="119"/>
        <source>--size %1: expected WIDTHxHEIGHT</source>
        <translation>--size %1: BREITExHÖHE erwartet</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="137"/>
        <source>not a number</source>
        <translation>keine Zahl</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="161"/>
        <source>--node %1: %2 has no such node</source>
        <translation>--node %1: %2 enthält keinen solchen Knoten</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="202"/>
        <source>the charts were not drawn within a minute</source>
        <translation>die Diagramme wurden nicht innerhalb einer Minute gezeichnet</translation>
    </message>
    <message>
        <location filename="../../analyzer/app/main.cpp" line="204"/>
        <location filename="../../history/main.cpp" line="123"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="37"/>
        <source>Browse the processes a collector recorded: what ran where at any moment, and who used the CPU when.</source>
        <translation>Die von einem Collector aufgezeichneten Prozesse durchsuchen: was wann wo lief und wer wann die CPU nutzte.</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="48"/>
        <source>Show this node&apos;s processes (0: every node).</source>
        <translation>Die Prozesse dieses Knotens anzeigen (0: alle Knoten).</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="52"/>
        <source>Show the snapshot at or before this moment: now, -2h, @SECONDS, 2024-06-10T12:00.</source>
        <translation>Die Momentaufnahme zu oder vor diesem Zeitpunkt anzeigen: now, -2h, @SEKUNDEN, 2024-06-10T12:00.</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="57"/>
        <source>Rank the processes by CPU time from this moment...</source>
        <translation>Die Prozesse nach CPU-Zeit ordnen, von diesem Zeitpunkt…</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="60"/>
        <source>...to this one (default: now).</source>
        <translation>… bis zu diesem (Vorgabe: now).</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="64"/>
        <source>Save the window as an image to this file and exit.</source>
        <translation>Das Fenster als Bild in diese Datei speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="70"/>
        <source>one database at a time, please</source>
        <translation>bitte nur eine Datenbank auf einmal</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="87"/>
        <source>--node: “%1” is not a node ID (0..65535)</source>
        <translation>--node: „%1“ ist keine Knoten-ID (0..65535)</translation>
    </message>
    <message>
        <location filename="../../history/main.cpp" line="102"/>
        <source>--to needs --from</source>
        <translation>--to erfordert --from</translation>
    </message>
</context>
<context>
    <name>omview::AboutDialog</name>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="76"/>
        <source>About omview</source>
        <translation>Über omview</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="82"/>
        <source>&lt;h2&gt;omview %1&lt;/h2&gt;&lt;p&gt;The console of a process-migration cluster: every node&apos;s state, load, memory and speed at a glance, and the settings that decide how work moves between them.&lt;/p&gt;&lt;p&gt;A modern successor of openMosixview, talking to the omagentd agent on each node, over SSH or the local socket.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;omview %1&lt;/h2&gt;&lt;p&gt;Die Konsole eines Prozessmigrations-Clusters: Zustand, Last, Speicher und Geschwindigkeit jedes Knotens auf einen Blick und die Einstellungen, die bestimmen, wie Arbeit zwischen ihnen wandert.&lt;/p&gt;&lt;p&gt;Ein moderner Nachfolger von openMosixview, der mit dem Agenten omagentd auf jedem Knoten spricht, über SSH oder den lokalen Socket.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="97"/>
        <source>&lt;p&gt;Closes this box.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt dieses Fenster.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::ClusterCommands</name>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="47"/>
        <source>Node %1: %2</source>
        <translation>Knoten %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="105"/>
        <source>%1 on</source>
        <translation>%1 an</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="106"/>
        <source>%1 off</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="122"/>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="124"/>
        <source>overheads</source>
        <translation>Overheads</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/clustercommands.cpp" line="145"/>
        <source>%1: done on node(s) %2</source>
        <translation>
            <numerusform>%1: erledigt auf Knoten %2</numerusform>
            <numerusform>%1: erledigt auf den Knoten %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="148"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="156"/>
        <location filename="../../app/session/clustercommands.cpp" line="450"/>
        <source>not connected to the cluster</source>
        <translation>nicht mit dem Cluster verbunden</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="158"/>
        <source>not in the cluster</source>
        <translation>nicht im Cluster</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="277"/>
        <source>Changing settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/clustercommands.cpp" line="312"/>
        <source>Speed set to %1 on %n node(s): %2</source>
        <translation>
            <numerusform>Geschwindigkeit auf %n Knoten auf %1 gesetzt: %2</numerusform>
            <numerusform>Geschwindigkeit auf %n Knoten auf %1 gesetzt: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/clustercommands.cpp" line="317"/>
        <source>Settings of node(s) %1 changed: %2</source>
        <translation>
            <numerusform>Einstellungen von Knoten %1 geändert: %2</numerusform>
            <numerusform>Einstellungen der Knoten %1 geändert: %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="321"/>
        <source>Changing settings (%1)</source>
        <translation>Einstellungen ändern (%1)</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="328"/>
        <source>Expel guests</source>
        <translation>Gäste ausweisen</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="332"/>
        <source>Bring processes home</source>
        <translation>Prozesse heimholen</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="376"/>
        <source>Start openMosix</source>
        <translation>openMosix starten</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="376"/>
        <source>Stop openMosix</source>
        <translation>openMosix beenden</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="448"/>
        <source>no node of the cluster has a node map to copy</source>
        <translation>kein Knoten des Clusters hat eine Knotentabelle zum Kopieren</translation>
    </message>
    <message>
        <location filename="../../app/session/clustercommands.cpp" line="462"/>
        <source>not in the cluster&apos;s node map</source>
        <translation>nicht in der Knotentabelle des Clusters</translation>
    </message>
</context>
<context>
    <name>omview::ClusterSession</name>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="39"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="52"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="90"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="99"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="111"/>
        <source>Disconnected from %1</source>
        <translation>Verbindung zu %1 getrennt</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="120"/>
        <source>Connected to node %1 (%2)</source>
        <translation>Mit Knoten %1 verbunden (%2)</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="130"/>
        <source>Connection to %1 failed: %2</source>
        <translation>Verbindung zu %1 fehlgeschlagen: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/clustersession.cpp" line="137"/>
        <source>Retrying in %n s: %1</source>
        <translation>
            <numerusform>Neuer Versuch in %n s: %1</numerusform>
            <numerusform>Neuer Versuch in %n s: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="143"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/clustersession.cpp" line="164"/>
        <source>Cluster updates from %1 stopped (%2); subscribing again</source>
        <translation>Cluster-Aktualisierungen von %1 abgebrochen (%2); werden neu abonniert</translation>
    </message>
</context>
<context>
    <name>omview::CollectorControl</name>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="99"/>
        <source>Collector started (pid %1), writing %2</source>
        <translation>Collector gestartet (PID %1), schreibt in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="112"/>
        <source>Collector stopped</source>
        <translation>Collector angehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="140"/>
        <source>The collector is already running</source>
        <translation>Der Collector läuft bereits</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="146"/>
        <source>Cannot start the collector: omcollectord was not found next to omview, on PATH or in %1</source>
        <translation>Der Collector kann nicht gestartet werden: omcollectord wurde weder neben omview noch im PATH oder in %1 gefunden</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="163"/>
        <source>Cannot start the collector %1: %2</source>
        <translation>Der Collector %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="173"/>
        <source>Starting the collector…</source>
        <translation>Collector wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="193"/>
        <source>The collector exited at start: %1</source>
        <translation>Der Collector hat sich beim Start beendet: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="194"/>
        <source>see %1</source>
        <translation>siehe %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="195"/>
        <source>The collector did not answer on %1 in time (its log: %2)</source>
        <translation>Der Collector hat auf %1 nicht rechtzeitig geantwortet (sein Protokoll: %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="206"/>
        <source>The collector is not running</source>
        <translation>Der Collector läuft nicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="213"/>
        <source>Could not stop the collector: %1</source>
        <translation>Der Collector konnte nicht angehalten werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="228"/>
        <source>The collector said it stops but still answers on %1</source>
        <translation>Der Collector hat sein Anhalten gemeldet, antwortet aber noch auf %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="242"/>
        <source>Checkpoint failed: %1</source>
        <translation>Markierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="249"/>
        <source>Checkpoint %1 “%2” set at %3</source>
        <translation>Markierung %1 „%2“ um %3 gesetzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="261"/>
        <source>Saving the history to %1 failed: %2</source>
        <translation>Speichern des Verlaufs nach %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/collectorcontrol.cpp" line="267"/>
        <source>History saved to %1 (%2 node rows, %3 process rows)</source>
        <translation>Verlauf nach %1 gespeichert (%2 Knotenzeilen, %3 Prozesszeilen)</translation>
    </message>
</context>
<context>
    <name>omview::ConnectionProfile</name>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="33"/>
        <source>the profile has no name</source>
        <translation>das Profil hat keinen Namen</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="37"/>
        <source>profile &quot;%1&quot;: no socket path</source>
        <translation>Profil „%1“: kein Socket-Pfad</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="41"/>
        <source>profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="44"/>
        <source>profile &quot;%1&quot;: unknown kind</source>
        <translation>Profil „%1“: unbekannte Art</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="61"/>
        <source>%1: not a connection profile setting</source>
        <translation>%1: keine Einstellung eines Verbindungsprofils</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="66"/>
        <source>name: missing or empty</source>
        <translation>name: fehlt oder ist leer</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="73"/>
        <source>profile &quot;%1&quot;: ssh: not used by a local socket profile</source>
        <translation>Profil „%1“: ssh: wird von einem Profil mit lokalem Socket nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="78"/>
        <source>profile &quot;%1&quot;: socket: missing or empty</source>
        <translation>Profil „%1“: socket: fehlt oder ist leer</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="83"/>
        <source>profile &quot;%1&quot;: socket: not used by an SSH profile</source>
        <translation>Profil „%1“: socket: wird von einem SSH-Profil nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="88"/>
        <source>profile &quot;%1&quot;: ssh: missing</source>
        <translation>Profil „%1“: ssh: fehlt</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="92"/>
        <source>profile &quot;%1&quot;: ssh: %2</source>
        <translation>Profil „%1“: ssh: %2</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="96"/>
        <source>profile &quot;%1&quot;: kind: &quot;%2&quot; is neither &quot;local&quot; nor &quot;ssh&quot;</source>
        <translation>Profil „%1“: kind: „%2“ ist weder „local“ noch „ssh“</translation>
    </message>
    <message>
        <location filename="../../app/session/connectionprofile.cpp" line="105"/>
        <source>local socket %1</source>
        <translation>lokaler Socket %1</translation>
    </message>
</context>
<context>
    <name>omview::ConnectionsDialog</name>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="229"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="230"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="232"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="234"/>
        <source>&lt;p&gt;Your saved connection profiles. Select one to see or edit it; double-click to connect with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ihre gespeicherten Verbindungsprofile. Wählen Sie eines aus, um es anzusehen oder zu bearbeiten; ein Doppelklick verbindet damit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="239"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="240"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="245"/>
        <source>&lt;p&gt;Starts a new profile in the form.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Beginnt ein neues Profil im Formular.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="246"/>
        <source>&lt;p&gt;Saves the form as a profile under its name, replacing a profile of the same name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Speichert das Formular als Profil unter seinem Namen und ersetzt ein gleichnamiges Profil.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="248"/>
        <source>&lt;p&gt;Removes the selected profile.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Entfernt das ausgewählte Profil.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="249"/>
        <source>&lt;p&gt;Connects with the profile in the form (saved or not), closing the current connection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verbindet mit dem Profil im Formular (gespeichert oder nicht) und schließt die bestehende Verbindung.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="270"/>
        <source>&lt;p&gt;Closes the dialog; profiles not saved are dropped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt den Dialog; nicht gespeicherte Profile werden verworfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="284"/>
        <source>Fill in the new profile, then Save or Connect.</source>
        <translation>Füllen Sie das neue Profil aus und wählen Sie dann „Speichern“ oder „Verbinden“.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="350"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="354"/>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="364"/>
        <source>There is no profile “%1” any more.</source>
        <translation>Das Profil „%1“ gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="369"/>
        <source>Removed “%1”.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
</context>
<context>
    <name>omview::ConsoleActions</name>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="39"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="40"/>
        <source>&lt;p&gt;&lt;b&gt;Connect.&lt;/b&gt; Chooses or edits a connection profile and connects to the cluster with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verbinden.&lt;/b&gt; Wählt oder bearbeitet ein Verbindungsprofil und verbindet damit mit dem Cluster.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="42"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="43"/>
        <source>&lt;p&gt;&lt;b&gt;Quit&lt;/b&gt; omview. The nodes and the collector go on as they are.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Beendet&lt;/b&gt; omview. Die Knoten und der Collector laufen unverändert weiter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="46"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="48"/>
        <source>&lt;p&gt;&lt;b&gt;Filter.&lt;/b&gt; Shows a bar that keeps only the nodes whose ID, address or name contains a text, or that are in a given state.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Filter.&lt;/b&gt; Zeigt eine Leiste, die nur die Knoten behält, deren ID, Adresse oder Name einen Text enthält oder die in einem bestimmten Zustand sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="51"/>
        <source>Status &amp;Bar</source>
        <translation>Status&amp;leiste</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="52"/>
        <source>&lt;p&gt;Shows or hides the status bar: what was done last, the connection and the collector.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt oder verbirgt die Statusleiste: was zuletzt geschah, die Verbindung und den Collector.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="59"/>
        <source>&amp;Settings for Selected Nodes…</source>
        <translation>&amp;Einstellungen der ausgewählten Knoten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="60"/>
        <source>&lt;p&gt;&lt;b&gt;Settings for selected nodes.&lt;/b&gt; Opens the settings of the selected nodes (of every node when the cluster row is selected), with their current values; a setting on which they differ is shown as mixed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Einstellungen der ausgewählten Knoten.&lt;/b&gt; Öffnet die Einstellungen der ausgewählten Knoten (aller Knoten, wenn die Cluster-Zeile ausgewählt ist) mit ihren aktuellen Werten; eine Einstellung, in der sie sich unterscheiden, wird als gemischt angezeigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="64"/>
        <source>Settings for &amp;All Nodes…</source>
        <translation>Einstellungen &amp;aller Knoten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="66"/>
        <source>&lt;p&gt;&lt;b&gt;Settings for all nodes.&lt;/b&gt; The settings of every node of the cluster at once, as the cluster row&apos;s &lt;i&gt;All nodes&lt;/i&gt; button opens them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Einstellungen aller Knoten.&lt;/b&gt; Die Einstellungen aller Knoten des Clusters auf einmal, wie sie der Knopf &lt;i&gt;Alle Knoten&lt;/i&gt; in der Cluster-Zeile öffnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="68"/>
        <source>Open &amp;Terminal on Node</source>
        <translation>&amp;Terminal auf dem Knoten öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="70"/>
        <source>&lt;p&gt;&lt;b&gt;Open terminal.&lt;/b&gt; Starts your terminal ($TERMINAL, else x-terminal-emulator) with an SSH session on the current node, as the user, port and key of the connection profile.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Terminal öffnen.&lt;/b&gt; Startet Ihr Terminal ($TERMINAL, sonst x-terminal-emulator) mit einer SSH-Sitzung auf dem aktuellen Knoten, mit Benutzer, Port und Schlüssel des Verbindungsprofils.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="74"/>
        <source>&amp;Remote Processes…</source>
        <translation>Entfernte &amp;Prozesse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="76"/>
        <source>&lt;p&gt;&lt;b&gt;Remote processes.&lt;/b&gt; The guests of the current node — processes from other nodes that run there — with their homes; send them home or to the best node, some or all.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Entfernte Prozesse.&lt;/b&gt; Die Gäste des aktuellen Knotens – Prozesse anderer Knoten, die dort laufen – mit ihren Heimatknoten; schicken Sie einige oder alle heim oder auf den besten Knoten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="80"/>
        <source>Use &amp;SSH</source>
        <translation>&amp;SSH verwenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="81"/>
        <source>&lt;p&gt;&lt;b&gt;Use SSH.&lt;/b&gt; Checked: the console reaches the cluster over SSH, with the SSH profile used last. Unchecked: through the agent&apos;s local socket on this machine.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;SSH verwenden.&lt;/b&gt; Eingeschaltet: Die Konsole erreicht den Cluster über SSH mit dem zuletzt verwendeten SSH-Profil. Ausgeschaltet: über den lokalen Socket des Agenten auf diesem Rechner.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="86"/>
        <source>C&amp;onnections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="87"/>
        <source>&lt;p&gt;&lt;b&gt;Connections.&lt;/b&gt; Adds, edits and removes connection profiles.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verbindungen.&lt;/b&gt; Legt Verbindungsprofile an, bearbeitet und entfernt sie.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="88"/>
        <source>&amp;Warning Threshold…</source>
        <translation>&amp;Warnschwelle…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="89"/>
        <source>&lt;p&gt;&lt;b&gt;Warning threshold.&lt;/b&gt; The load and memory use, in percent, above which their bars turn red (75 % unless you change it).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Warnschwelle.&lt;/b&gt; Last und Speicherbelegung in Prozent, oberhalb derer ihre Balken rot werden (75 %, sofern Sie es nicht ändern).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="92"/>
        <source>Save &amp;Configuration</source>
        <translation>Konfiguration s&amp;peichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="94"/>
        <source>&lt;p&gt;&lt;b&gt;Save configuration.&lt;/b&gt; Writes the window layout, the columns, the warning threshold and the connection profiles now (they are also written when omview quits).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Konfiguration speichern.&lt;/b&gt; Schreibt jetzt die Fensteranordnung, die Spalten, die Warnschwelle und die Verbindungsprofile (sie werden auch beim Beenden von omview geschrieben).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="99"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="100"/>
        <source>&lt;p&gt;&lt;b&gt;Start the collector.&lt;/b&gt; Runs omcollectord, which records the cluster&apos;s load, memory and processes every second for the history views.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Collector starten.&lt;/b&gt; Startet omcollectord, der Last, Speicher und Prozesse des Clusters jede Sekunde für die Verlaufsansichten aufzeichnet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="102"/>
        <source>Start Collector</source>
        <translation>Collector starten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="103"/>
        <source>S&amp;top</source>
        <translation>Anhal&amp;ten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="104"/>
        <source>&lt;p&gt;&lt;b&gt;Stop the collector.&lt;/b&gt; Its database is kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Collector anhalten.&lt;/b&gt; Seine Datenbank bleibt erhalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="105"/>
        <source>Stop Collector</source>
        <translation>Collector anhalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="107"/>
        <source>&amp;Checkpoint…</source>
        <translation>&amp;Markierung setzen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="109"/>
        <source>&lt;p&gt;&lt;b&gt;Checkpoint.&lt;/b&gt; Marks this moment in the collector&apos;s history with a label, to find it again in the history views.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Markierung.&lt;/b&gt; Kennzeichnet diesen Zeitpunkt im Verlauf des Collectors mit einer Beschriftung, um ihn in den Verlaufsansichten wiederzufinden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="112"/>
        <source>Save &amp;History…</source>
        <translation>Verlauf s&amp;peichern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="113"/>
        <source>&lt;p&gt;&lt;b&gt;Save history.&lt;/b&gt; Copies a time range of the collector&apos;s history to a new SQLite or CSV file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verlauf speichern.&lt;/b&gt; Kopiert einen Zeitraum aus dem Verlauf des Collectors in eine neue SQLite- oder CSV-Datei.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="117"/>
        <source>&amp;Analyzer…</source>
        <translation>&amp;Analyse…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="118"/>
        <source>&lt;p&gt;&lt;b&gt;Analyzer.&lt;/b&gt; Charts of the load and memory of every node and of the whole cluster over the collector&apos;s history, with statistics; print or export them. Click a chart to see the processes of that moment in the history browser.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Analyse.&lt;/b&gt; Diagramme von Last und Speicher jedes Knotens und des ganzen Clusters über den Verlauf des Collectors, mit Statistik; zum Drucken oder Exportieren. Ein Klick in ein Diagramm zeigt die Prozesse dieses Zeitpunkts im Prozessverlauf.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="123"/>
        <source>&amp;Run Program…</source>
        <translation>Programm &amp;ausführen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="124"/>
        <source>&lt;p&gt;&lt;b&gt;Run program.&lt;/b&gt; Starts a program as a job of the cluster: where it starts, whether it may migrate, its profile; then shows where it runs, its output and its exit status.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Programm ausführen.&lt;/b&gt; Startet ein Programm als Job des Clusters – mit Startknoten, Migrationsverhalten und Profil – und zeigt dann, wo es läuft, seine Ausgabe und seinen Beendigungsstatus.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="129"/>
        <source>&amp;Migration Monitor…</source>
        <translation>&amp;Migrationsmonitor…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="130"/>
        <source>&lt;p&gt;&lt;b&gt;Migration monitor.&lt;/b&gt; The nodes around a circle with the processes that migrated on the node they run on, a line to their home; moves as they happen, and the list of recent moves. Drag a process onto a node to move it there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Migrationsmonitor.&lt;/b&gt; Die Knoten im Kreis, jeder migrierte Prozess auf dem Knoten, auf dem er läuft, mit einer Linie zu seinem Heimatknoten; die Migrationen, während sie geschehen, und die Liste der letzten Migrationen. Ziehen Sie einen Prozess auf einen Knoten, um ihn dorthin zu verschieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="135"/>
        <source>H&amp;istory…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="136"/>
        <source>&lt;p&gt;&lt;b&gt;History.&lt;/b&gt; The processes of a node (or of all) as they were at any moment of the collector&apos;s history, and which processes used the CPU between two moments.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verlauf.&lt;/b&gt; Die Prozesse eines Knotens (oder aller) so, wie sie zu einem beliebigen Zeitpunkt im Verlauf des Collectors waren, und welche Prozesse zwischen zwei Zeitpunkten die CPU genutzt haben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="140"/>
        <source>omview &amp;Help</source>
        <translation>omview-&amp;Handbuch</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="141"/>
        <source>&lt;p&gt;&lt;b&gt;Help.&lt;/b&gt; Opens omview&apos;s manual.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hilfe.&lt;/b&gt; Öffnet das Handbuch von omview.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="145"/>
        <source>&lt;p&gt;&lt;b&gt;What&apos;s This?&lt;/b&gt; Click it, then on any part of the window to learn what it does.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Direkthilfe.&lt;/b&gt; Klicken Sie darauf und dann auf einen beliebigen Teil des Fensters, um zu erfahren, wozu er dient.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="148"/>
        <source>&amp;About omview</source>
        <translation>Ü&amp;ber omview</translation>
    </message>
    <message>
        <location filename="../../app/ui/consoleactions.cpp" line="149"/>
        <source>&lt;p&gt;omview&apos;s version and what it is.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Version von omview und was es ist.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::ConsoleMenus</name>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="16"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="23"/>
        <source>Main Toolbar</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="26"/>
        <source>&lt;p&gt;The most used actions of the menus.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die meistgenutzten Aktionen der Menüs.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="29"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="33"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="34"/>
        <source>&lt;p&gt;Shows or hides the toolbar.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt oder verbirgt die Werkzeugleiste.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="37"/>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="39"/>
        <source>&lt;p&gt;Shows or hides columns of the nodes pane.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt oder verbirgt Spalten der Knotenliste.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="44"/>
        <source>&amp;Nodes</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="50"/>
        <source>C&amp;onfig</source>
        <translation>K&amp;onfiguration</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="58"/>
        <source>Co&amp;llector</source>
        <translation>&amp;Collector</translation>
    </message>
    <message>
        <location filename="../../app/ui/consolemenus.cpp" line="66"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>omview::ConsoleOptions</name>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="14"/>
        <source>The console of a process-migration cluster.</source>
        <translation>Die Konsole eines Prozessmigrations-Clusters.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="18"/>
        <source>Connect with the saved profile NAME.</source>
        <translation>Mit dem gespeicherten Profil NAME verbinden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="20"/>
        <source>Connect to the agent&apos;s local SOCKET.</source>
        <translation>Mit dem lokalen SOCKET des Agenten verbinden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="21"/>
        <source>Connect over SSH to an entry node.</source>
        <translation>Über SSH mit einem Einstiegsknoten verbinden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="24"/>
        <source>With --ssh: try this private key first.</source>
        <translation>Mit --ssh: diesen privaten Schlüssel zuerst versuchen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="26"/>
        <source>With --ssh: check host keys against FILE.</source>
        <translation>Mit --ssh: Host-Schlüssel gegen DATEI prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="29"/>
        <source>With --ssh: read this client configuration, or none.</source>
        <translation>Mit --ssh: diese Client-Konfiguration lesen oder keine (none).</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="32"/>
        <source>With --ssh: the agent&apos;s socket on the entry node.</source>
        <translation>Mit --ssh: der Socket des Agenten auf dem Einstiegsknoten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="35"/>
        <source>The collector&apos;s control socket.</source>
        <translation>Der Steuer-Socket des Collectors.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="38"/>
        <source>Write the main window as PNG to FILE once the cluster is shown.</source>
        <translation>Das Hauptfenster als PNG in DATEI schreiben, sobald der Cluster angezeigt wird.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="42"/>
        <source>With --screenshot: write it again every SECONDS.</source>
        <translation>Mit --screenshot: alle SEKUNDEN erneut schreiben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="44"/>
        <source>Keep settings in this INI FILE instead of the user&apos;s.</source>
        <translation>Einstellungen in dieser INI-DATEI statt in der des Benutzers speichern.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="58"/>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>Unerwartetes Argument „%1“.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="65"/>
        <source>Give only one of --profile, --local and --ssh.</source>
        <translation>Geben Sie nur eine der Optionen --profile, --local und --ssh an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="69"/>
        <source>%1 needs --ssh.</source>
        <translation>%1 erfordert --ssh.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="77"/>
        <source>--profile: the name is empty.</source>
        <translation>--profile: der Name ist leer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="82"/>
        <source>--local: no socket path given.</source>
        <translation>--local: kein Socket-Pfad angegeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="88"/>
        <location filename="../../app/ui/commandline.cpp" line="103"/>
        <source>--ssh: %1</source>
        <translation>--ssh: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="111"/>
        <source>--screenshot-interval needs --screenshot.</source>
        <translation>--screenshot-interval erfordert --screenshot.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="116"/>
        <source>--screenshot-interval: &quot;%1&quot; is not a number of seconds from 1 to 86400.</source>
        <translation>--screenshot-interval: „%1“ ist keine Sekundenzahl von 1 bis 86400.</translation>
    </message>
    <message>
        <location filename="../../app/ui/commandline.cpp" line="132"/>
        <source>There is no connection profile named &quot;%1&quot;.</source>
        <translation>Es gibt kein Verbindungsprofil namens „%1“.</translation>
    </message>
</context>
<context>
    <name>omview::CredentialsDialog</name>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="107"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="108"/>
        <source>Authentication for %1</source>
        <translation>Authentifizierung für %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="112"/>
        <source>&lt;p&gt;&lt;b&gt;%1 asks for a password.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 fragt nach einem Passwort.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="113"/>
        <source>&lt;p&gt;&lt;b&gt;%1 asks for authentication.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 verlangt eine Authentifizierung.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="119"/>
        <source>&lt;p&gt;The last answer was not accepted (attempt %1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die letzte Antwort wurde nicht angenommen (Versuch %1).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="128"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="133"/>
        <source>&lt;p&gt;Your answer to the host&apos;s question.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ihre Antwort auf die Frage des Hosts.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="134"/>
        <source>&lt;p&gt;A secret the host asks for; it is sent to the host only and not kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein Geheimnis, nach dem der Host fragt; es wird nur an den Host gesendet und nicht gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="142"/>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="146"/>
        <source>&lt;p&gt;Sends the answers to the host.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sendet die Antworten an den Host.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="148"/>
        <source>&lt;p&gt;Does not answer: the connection is not made.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Antwortet nicht: Die Verbindung wird nicht hergestellt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::HelpViewer</name>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="22"/>
        <source>omview Help</source>
        <translation>omview-Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="28"/>
        <source>&lt;p&gt;omview&apos;s manual. Links within it jump to their section; Back and Forward retrace them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Handbuch von omview. Verweise darin springen zu ihrem Abschnitt; „Zurück“ und „Vor“ verfolgen den Weg nach.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="32"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="36"/>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="37"/>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="38"/>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="41"/>
        <source>&lt;p&gt;The page shown before this one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Seite, die vor dieser angezeigt wurde.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="42"/>
        <source>&lt;p&gt;The page shown after this one, after going back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Seite, die nach dieser angezeigt wurde, nachdem Sie zurückgegangen sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/helpviewer.cpp" line="43"/>
        <source>&lt;p&gt;The start of the manual, with its contents.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Anfang des Handbuchs mit dem Inhaltsverzeichnis.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::HostKeyDialog</name>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="48"/>
        <source>Unknown Host Key — %1</source>
        <translation>Unbekannter Host-Schlüssel — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="51"/>
        <source>&lt;p&gt;&lt;b&gt;The authenticity of %1 cannot be established.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;omview has never connected to this host before. Compare the fingerprint below with the one the host&apos;s administrator gives you (on the host: &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%2_key.pub&lt;/tt&gt;). Trust it only if they are the same: a different key can mean someone is intercepting the connection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Echtheit von %1 kann nicht festgestellt werden.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;omview war noch nie mit diesem Host verbunden. Vergleichen Sie den Fingerabdruck unten mit dem, den Ihnen der Administrator des Hosts nennt (auf dem Host: &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_%2_key.pub&lt;/tt&gt;). Vertrauen Sie ihm nur, wenn beide gleich sind: Ein anderer Schlüssel kann bedeuten, dass jemand die Verbindung abfängt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="65"/>
        <source>&lt;p&gt;The SHA256 fingerprint of the key the host presented, as &lt;tt&gt;ssh-keygen -l&lt;/tt&gt; prints it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der SHA256-Fingerabdruck des Schlüssels, den der Host vorgelegt hat, wie &lt;tt&gt;ssh-keygen -l&lt;/tt&gt; ihn ausgibt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="68"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="69"/>
        <source>Key type:</source>
        <translation>Schlüsseltyp:</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="70"/>
        <source>Fingerprint:</source>
        <translation>Fingerabdruck:</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="72"/>
        <source>&lt;p&gt;Where the key is recorded when you trust it; later connections check the host against it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wo der Schlüssel festgehalten wird, wenn Sie ihm vertrauen; spätere Verbindungen prüfen den Host dagegen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="74"/>
        <source>Recorded in:</source>
        <translation>Festgehalten in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="77"/>
        <source>&amp;Trust and Connect</source>
        <translation>&amp;Vertrauen und verbinden</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="78"/>
        <source>&amp;Do Not Connect</source>
        <translation>&amp;Nicht verbinden</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="83"/>
        <source>&lt;p&gt;Records the key as this host&apos;s and connects.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hält den Schlüssel als den dieses Hosts fest und verbindet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/promptdialogs.cpp" line="84"/>
        <source>&lt;p&gt;Does not connect; nothing is recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verbindet nicht; nichts wird festgehalten.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::MainWindow</name>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="87"/>
        <source>omview</source>
        <translation>omview</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="132"/>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="215"/>
        <source>&lt;p&gt;What was done last, and when. A line too long for the window ends in “…”: its tooltip shows all of it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Was zuletzt geschah, und wann. Eine Zeile, die für das Fenster zu lang ist, endet auf „…“; ihr Tooltip zeigt sie vollständig.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="219"/>
        <source>&lt;p&gt;&lt;b&gt;The connection.&lt;/b&gt; Green: connected; amber: connecting or waiting to try again; red: failed; grey: not connected. Its tooltip says to where and why; the message beside it says what happened last.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Verbindung.&lt;/b&gt; Grün: verbunden; gelb: Verbindungsaufbau oder Warten auf einen neuen Versuch; rot: fehlgeschlagen; grau: nicht verbunden. Ihr Tooltip sagt, wohin und warum; die Meldung daneben sagt, was zuletzt geschah.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="225"/>
        <source>&lt;p&gt;&lt;b&gt;The collector.&lt;/b&gt; Green while omcollectord runs and records the cluster&apos;s history, red when it does not.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Der Collector.&lt;/b&gt; Grün, solange omcollectord läuft und den Verlauf des Clusters aufzeichnet, sonst rot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="231"/>
        <source>&lt;p&gt;What was done last, the connection and the collector.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Was zuletzt geschah, die Verbindung und der Collector.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="240"/>
        <source>Filter by ID, address or name</source>
        <translation>Nach ID, Adresse oder Name filtern</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="242"/>
        <source>&lt;p&gt;Keeps only the nodes whose ID is this text or whose address or host name contains it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Behält nur die Knoten, deren ID dieser Text ist oder deren Adresse oder Hostname ihn enthält.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="246"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="247"/>
        <source>Up</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="248"/>
        <source>Down</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="249"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="250"/>
        <source>&lt;p&gt;Keeps only the nodes in this state.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Behält nur die Knoten in diesem Zustand.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="254"/>
        <source>Close the filter bar</source>
        <translation>Filterleiste schließen</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="255"/>
        <source>&lt;p&gt;Hides the filter bar and shows every node again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verbirgt die Filterleiste und zeigt wieder alle Knoten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="256"/>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="323"/>
        <source>Save Configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="324"/>
        <source>Could not write the configuration to %1.</source>
        <translation>Die Konfiguration konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="327"/>
        <source>Configuration saved to %1</source>
        <translation>Konfiguration nach %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="351"/>
        <source>Load and memory bars turn red above %1 %</source>
        <translation>Last- und Speicherbalken werden über %1 % rot</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="358"/>
        <source>Warning Threshold</source>
        <translation>Warnschwelle</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="359"/>
        <source>Load and memory bars turn red above:</source>
        <translation>Schwelle, über der Last- und Speicherbalken rot werden:</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="67"/>
        <source>%1 — omview</source>
        <translation>%1 — omview</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="94"/>
        <source>No SSH profile yet: add one under Connections</source>
        <translation>Noch kein SSH-Profil: Legen Sie eines unter „Verbindungen“ an</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="124"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="127"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="130"/>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="133"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="136"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="148"/>
        <source>Connection Failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="149"/>
        <source>Could not connect to %1.

%2</source>
        <translation>Verbindung zu %1 nicht möglich.

%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowconnection.cpp" line="152"/>
        <source>Not connected — File → Connect…</source>
        <translation>Nicht verbunden — Datei → Verbinden…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="419"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="421"/>
        <source>Node %1 — %2</source>
        <translation>Knoten %1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="422"/>
        <source>Node %1 — %2 (%3)</source>
        <translation>Knoten %1 — %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="428"/>
        <source>No nodes to show settings of</source>
        <translation>Keine Knoten, deren Einstellungen angezeigt werden könnten</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="429"/>
        <source>Not connected to a cluster</source>
        <translation>Mit keinem Cluster verbunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/mainwindow.cpp" line="456"/>
        <source>All nodes (%n)</source>
        <translation>
            <numerusform>Alle Knoten (%n)</numerusform>
            <numerusform>Alle Knoten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="466"/>
        <source>Select the nodes first (or the cluster row for all)</source>
        <translation>Wählen Sie zuerst die Knoten aus (oder die Cluster-Zeile für alle)</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="473"/>
        <source>Nodes %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="487"/>
        <source>Not connected: the speed of node %1 was not changed</source>
        <translation>Nicht verbunden: Die Geschwindigkeit von Knoten %1 wurde nicht geändert</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="503"/>
        <source>No terminal for node %1: %2</source>
        <translation>Kein Terminal für Knoten %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="504"/>
        <location filename="../../app/ui/mainwindow.cpp" line="510"/>
        <source>Open Terminal</source>
        <translation>Terminal öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="513"/>
        <source>Opened a terminal on node %1: %2</source>
        <translation>Terminal auf Knoten %1 geöffnet: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="33"/>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="61"/>
        <source>No collector database known: start the collector first</source>
        <translation>Keine Collector-Datenbank bekannt: Starten Sie zuerst den Collector</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="50"/>
        <source>Analyzer</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="54"/>
        <source>Analyzer on %1</source>
        <translation>Analyse von %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="75"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="95"/>
        <source>Collector on</source>
        <translation>Collector an</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="98"/>
        <source>Collector starting</source>
        <translation>Collector startet</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="101"/>
        <source>Collector stopping</source>
        <translation>Collector wird angehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="104"/>
        <source>Collector off</source>
        <translation>Collector aus</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="107"/>
        <source>Collector ?</source>
        <translation>Collector ?</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="111"/>
        <source>omcollectord (pid %1) writing %2</source>
        <translation>omcollectord (PID %1) schreibt in %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="114"/>
        <source>Control socket %1</source>
        <translation>Steuer-Socket %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="126"/>
        <source>Checkpoint</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="127"/>
        <source>Label of the checkpoint (what happens now):</source>
        <translation>Beschriftung der Markierung (was gerade geschieht):</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="129"/>
        <source>Set Checkpoint</source>
        <translation>Markierung setzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="132"/>
        <source>No checkpoint set: the label is empty</source>
        <translation>Keine Markierung gesetzt: Die Beschriftung ist leer</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowcollector.cpp" line="146"/>
        <source>Saving the history to %1…</source>
        <translation>Verlauf wird nach %1 gespeichert…</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="543"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindow.cpp" line="544"/>
        <source>%1: no collector database known — start the collector first</source>
        <translation>%1: keine Collector-Datenbank bekannt — starten Sie zuerst den Collector</translation>
    </message>
    <message>
        <location filename="../../app/ui/mainwindowprocesses.cpp" line="84"/>
        <source>Job %1 started on node %2 as PID %3</source>
        <translation>Job %1 auf Knoten %2 als PID %3 gestartet</translation>
    </message>
</context>
<context>
    <name>omview::NodeButtonDelegate</name>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="175"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="179"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="182"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>omview::NodeFilterProxyModel</name>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="156"/>
        <source>&lt;p&gt;&lt;b&gt;ID and state.&lt;/b&gt; The node&apos;s openMosix ID with its lamp: green when the node is up, red when it is down (not heard from, or openMosix stopped on it), grey when its state is unknown (never heard from, or the console is not connected). The first row is the whole cluster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;ID und Zustand.&lt;/b&gt; Die openMosix-ID des Knotens mit ihrer Lampe: grün, wenn der Knoten aktiv ist, rot, wenn er inaktiv ist (keine Meldung von ihm oder openMosix auf ihm angehalten), grau, wenn sein Zustand unbekannt ist (noch nie gemeldet oder die Konsole ist nicht verbunden). Die erste Zeile ist der ganze Cluster.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="161"/>
        <source>&lt;p&gt;&lt;b&gt;Node.&lt;/b&gt; The node&apos;s address and host name. Click the button (or press Enter) to open the node&apos;s settings; on the cluster row, &lt;i&gt;All nodes&lt;/i&gt; opens the settings of every node at once.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Knoten.&lt;/b&gt; Adresse und Hostname des Knotens. Klicken Sie auf den Knopf (oder drücken Sie die Eingabetaste), um die Einstellungen des Knotens zu öffnen; in der Cluster-Zeile öffnet &lt;i&gt;Alle Knoten&lt;/i&gt; die Einstellungen aller Knoten auf einmal.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="165"/>
        <source>&lt;p&gt;&lt;b&gt;Speed.&lt;/b&gt; The node&apos;s speed (10000 is the standard processor; the balancer sends more work to faster nodes). Drag the slider to change it: the new value shows at once and goes back, with a message in the status bar, if the node refuses it. The scale is logarithmic; press F2 to type an exact value.&lt;/p&gt;&lt;p&gt;On the cluster row: the &lt;b&gt;load-balancing efficiency&lt;/b&gt;, 100 % when every node that is up carries the same load per CPU.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Geschwindigkeit.&lt;/b&gt; Die Geschwindigkeit des Knotens (10000 ist der Standardprozessor; der Lastverteiler schickt schnelleren Knoten mehr Arbeit). Ziehen Sie den Schieberegler, um sie zu ändern: Der neue Wert erscheint sofort und springt mit einer Meldung in der Statusleiste zurück, wenn der Knoten ihn ablehnt. Die Skala ist logarithmisch; mit F2 geben Sie einen genauen Wert ein.&lt;/p&gt;&lt;p&gt;In der Cluster-Zeile: die &lt;b&gt;Effizienz der Lastverteilung&lt;/b&gt;, 100 %, wenn jeder aktive Knoten dieselbe Last pro CPU trägt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="172"/>
        <source>&lt;p&gt;&lt;b&gt;Load.&lt;/b&gt; The node&apos;s load as a share of its CPUs (100 % = every CPU busy with one standard process); on the cluster row, over all CPUs. The bar turns red above the warning threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Last.&lt;/b&gt; Die Last des Knotens als Anteil seiner CPUs (100 % = jede CPU mit einem Standardprozess ausgelastet); in der Cluster-Zeile über alle CPUs. Der Balken wird über der Warnschwelle rot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="176"/>
        <source>&lt;p&gt;&lt;b&gt;Used memory.&lt;/b&gt; Memory in use (total minus available). The bar turns red above the warning threshold.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Belegter Speicher.&lt;/b&gt; Der belegte Speicher (gesamt abzüglich verfügbar). Der Balken wird über der Warnschwelle rot.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="179"/>
        <source>&lt;p&gt;&lt;b&gt;Memory.&lt;/b&gt; The node&apos;s physical memory; on the cluster row, the sum.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Speicher.&lt;/b&gt; Der physische Speicher des Knotens; in der Cluster-Zeile die Summe.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodefilterproxymodel.cpp" line="182"/>
        <source>&lt;p&gt;&lt;b&gt;CPUs.&lt;/b&gt; The node&apos;s CPUs; on the cluster row, the sum.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CPUs.&lt;/b&gt; Die CPUs des Knotens; in der Cluster-Zeile die Summe.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::NodeSettingsDialog</name>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="38"/>
        <source>E&amp;xpel Guests</source>
        <translation>Gäste a&amp;usweisen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="39"/>
        <source>B&amp;ring Processes Home</source>
        <translation>Prozesse &amp;heimholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="40"/>
        <source>Start o&amp;penMosix</source>
        <translation>openMosix &amp;starten</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="41"/>
        <source>Stop openMosi&amp;x</source>
        <translation>openMosix &amp;beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="42"/>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="43"/>
        <source>%1 — Settings</source>
        <translation>%1 — Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="62"/>
        <source>&lt;p&gt;&lt;b&gt;Expel guests.&lt;/b&gt; Sends the processes of other nodes that run here back to their home nodes, and blocks new ones.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gäste ausweisen.&lt;/b&gt; Schickt die Prozesse anderer Knoten, die hier laufen, zu ihren Heimatknoten zurück und blockiert neue.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="64"/>
        <source>&lt;p&gt;&lt;b&gt;Bring processes home.&lt;/b&gt; Brings this node&apos;s processes that run elsewhere back, and keeps new ones local.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Prozesse heimholen.&lt;/b&gt; Holt die Prozesse dieses Knotens, die anderswo laufen, zurück und hält neue lokal.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="66"/>
        <source>&lt;p&gt;&lt;b&gt;Start openMosix.&lt;/b&gt; The node takes part in the cluster again, with the cluster&apos;s node map (as &lt;i&gt;setpe -w&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;openMosix starten.&lt;/b&gt; Der Knoten nimmt wieder am Cluster teil, mit der Knotentabelle des Clusters (wie &lt;i&gt;setpe -w&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="68"/>
        <source>&lt;p&gt;&lt;b&gt;Stop openMosix.&lt;/b&gt; The node leaves the cluster: its guests go home and no load is exchanged (as &lt;i&gt;setpe -off&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;openMosix beenden.&lt;/b&gt; Der Knoten verlässt den Cluster: Seine Gäste kehren heim, und es wird keine Last mehr ausgetauscht (wie &lt;i&gt;setpe -off&lt;/i&gt;).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="70"/>
        <source>&lt;p&gt;Reads the current settings from the nodes again, dropping what you changed but did not apply.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Liest die aktuellen Einstellungen erneut von den Knoten und verwirft, was Sie geändert, aber nicht angewendet haben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="73"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="81"/>
        <source>Open &amp;Terminal</source>
        <translation>&amp;Terminal öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="83"/>
        <source>&lt;p&gt;Opens your terminal with an SSH session on this node, as the user, port and key of the connection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Öffnet Ihr Terminal mit einer SSH-Sitzung auf diesem Knoten, mit Benutzer, Port und Schlüssel der Verbindung.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="95"/>
        <source>&lt;p&gt;Closes the dialog without writing what you changed.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt den Dialog, ohne Ihre Änderungen zu schreiben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="97"/>
        <source>&lt;p&gt;Writes what you changed to the nodes, and reads them back.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schreibt Ihre Änderungen auf die Knoten und liest sie zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="99"/>
        <source>&lt;p&gt;Writes what you changed to the nodes and closes the dialog.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schreibt Ihre Änderungen auf die Knoten und schließt den Dialog.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="118"/>
        <source>Expel guests</source>
        <translation>Gäste ausweisen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="122"/>
        <source>Bring processes home</source>
        <translation>Prozesse heimholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="126"/>
        <source>Start openMosix</source>
        <translation>openMosix starten</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="130"/>
        <source>Stop openMosix</source>
        <translation>openMosix beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="153"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="203"/>
        <source>Not connected to the cluster.</source>
        <translation>Nicht mit dem Cluster verbunden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="208"/>
        <source>Reading the node&apos;s settings…</source>
        <translation>Einstellungen des Knotens werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="209"/>
        <source>Reading the settings of %n nodes…</source>
        <translation>
            <numerusform>Einstellungen von %n Knoten werden gelesen…</numerusform>
            <numerusform>Einstellungen von %n Knoten werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="224"/>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="315"/>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="325"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="237"/>
        <source>No settings could be read.</source>
        <translation>Es konnten keine Einstellungen gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="241"/>
        <source>openMosix is running on this node (ID %1); %2.</source>
        <translation>openMosix läuft auf diesem Knoten (ID %1); %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="244"/>
        <source>openMosix is stopped on this node; %1.</source>
        <translation>openMosix ist auf diesem Knoten beendet; %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="247"/>
        <source>openMosix is running on %1 of %n nodes.</source>
        <translation>
            <numerusform>openMosix läuft auf %1 von %n Knoten.</numerusform>
            <numerusform>openMosix läuft auf %1 von %n Knoten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="249"/>
        <source>openMosix is running on all %n nodes.</source>
        <translation>
            <numerusform>openMosix läuft auf allen %n Knoten.</numerusform>
            <numerusform>openMosix läuft auf allen %n Knoten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="250"/>
        <source>openMosix is stopped on all %n nodes.</source>
        <translation>
            <numerusform>openMosix ist auf allen %n Knoten beendet.</numerusform>
            <numerusform>openMosix ist auf allen %n Knoten beendet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="256"/>
        <source>Could not read: %1. Those nodes are not shown and will not be changed.</source>
        <translation>Nicht lesbar: %1. Diese Knoten werden nicht angezeigt und nicht geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="261"/>
        <source>Showing the node&apos;s current settings.</source>
        <translation>Die aktuellen Einstellungen des Knotens werden angezeigt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="262"/>
        <source>Showing the current settings of %n nodes.</source>
        <translation>
            <numerusform>Die aktuellen Einstellungen von %n Knoten werden angezeigt.</numerusform>
            <numerusform>Die aktuellen Einstellungen von %n Knoten werden angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="276"/>
        <source>Decay interval</source>
        <translation>Abklingintervall</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="276"/>
        <source>the decay interval</source>
        <translation>das Abklingintervall</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="277"/>
        <source>Slow decay</source>
        <translation>Langsames Abklingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="277"/>
        <source>the slow decay</source>
        <translation>das langsame Abklingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="278"/>
        <source>Fast decay</source>
        <translation>Schnelles Abklingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="278"/>
        <source>the fast decay</source>
        <translation>das schnelle Abklingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="279"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="279"/>
        <source>the speed</source>
        <translation>die Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="280"/>
        <source>Automatic migration</source>
        <translation>Automatische Migration</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="281"/>
        <source>Talk to other nodes</source>
        <translation>Mit anderen Knoten kommunizieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="282"/>
        <source>Local processes stay</source>
        <translation>Lokale Prozesse bleiben hier</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="283"/>
        <source>Block guest processes</source>
        <translation>Gastprozesse blockieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="298"/>
        <source>must be between %1 and %2, not %3</source>
        <translation>muss zwischen %1 und %2 liegen, nicht %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="303"/>
        <source>must be at least %1 (%2), not %3</source>
        <translation>muss mindestens so groß sein wie %1 (%2), nicht %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="304"/>
        <source>must be at most %1 (%2), not %3</source>
        <translation>darf höchstens so groß sein wie %1 (%2), nicht %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="331"/>
        <source>Not valid — %1</source>
        <translation>Ungültig — %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="345"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="351"/>
        <source>Writing…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="376"/>
        <source>Settings written.</source>
        <translation>Einstellungen geschrieben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="377"/>
        <source>Settings written to %n nodes.</source>
        <translation>
            <numerusform>Einstellungen auf %n Knoten geschrieben.</numerusform>
            <numerusform>Einstellungen auf %n Knoten geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="387"/>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesettingsdialog.cpp" line="397"/>
        <source>%1: done.</source>
        <translation>%1: erledigt.</translation>
    </message>
</context>
<context>
    <name>omview::NodeTableModel</name>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="43"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="573"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="591"/>
        <source>up</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="594"/>
        <source>down (unreachable, error %1)</source>
        <translation>inaktiv (nicht erreichbar, Fehler %1)</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="594"/>
        <source>down</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="596"/>
        <source>state unknown: never heard from</source>
        <translation>Zustand unbekannt: noch nie gemeldet</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="597"/>
        <source>state unknown: the console is not connected</source>
        <translation>Zustand unbekannt: Die Konsole ist nicht verbunden</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="599"/>
        <source>Node %1: %2; last heard from %3 s ago</source>
        <translation>Knoten %1: %2; zuletzt vor %3 s gemeldet</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="603"/>
        <source>Node %1: %2</source>
        <translation>Knoten %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="607"/>
        <source>%1 — open this node&apos;s settings</source>
        <translation>%1 — Einstellungen dieses Knotens öffnen</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="608"/>
        <source>%1 (%2) — open this node&apos;s settings</source>
        <translation>%1 (%2) — Einstellungen dieses Knotens öffnen</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="611"/>
        <source>Speed %1, being set to %2</source>
        <translation>Geschwindigkeit %1, wird auf %2 gesetzt</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="612"/>
        <source>Speed %1 (relative CPU speed; 10000 = a standard CPU)</source>
        <translation>Geschwindigkeit %1 (relative CPU-Geschwindigkeit; 10000 = eine Standard-CPU)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/model/nodetablemodel.cpp" line="614"/>
        <source>Load %1 on %n CPU(s) (100 = one standard CPU busy): %2 of the node</source>
        <translation>
            <numerusform>Last %1 auf %n CPU (100 = eine Standard-CPU ausgelastet): %2 des Knotens</numerusform>
            <numerusform>Last %1 auf %n CPUs (100 = eine Standard-CPU ausgelastet): %2 des Knotens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="619"/>
        <source>%1 of %2 memory in use (%3)</source>
        <translation>%1 von %2 Speicher belegt (%3)</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="622"/>
        <source>%1 memory in total, %2 available</source>
        <translation>%1 Speicher insgesamt, %2 verfügbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/model/nodetablemodel.cpp" line="625"/>
        <source>%n online CPU(s)</source>
        <translation>
            <numerusform>%n CPU online</numerusform>
            <numerusform>%n CPUs online</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="646"/>
        <source>—</source>
        <comment>no value</comment>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="648"/>
        <source>No node is up: the cluster has no figures to show</source>
        <translation>Kein Knoten ist aktiv: Der Cluster hat keine Werte anzuzeigen</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="649"/>
        <source>The console is not connected: no figures to show</source>
        <translation>Die Konsole ist nicht verbunden: keine Werte anzuzeigen</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="690"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="692"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="709"/>
        <source>The console is not connected: states unknown</source>
        <translation>Die Konsole ist nicht verbunden: Zustände unbekannt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/model/nodetablemodel.cpp" line="710"/>
        <source>%n node(s): %1 up, %2 down, %3 unknown</source>
        <translation>
            <numerusform>%n Knoten: %1 aktiv, %2 inaktiv, %3 unbekannt</numerusform>
            <numerusform>%n Knoten: %1 aktiv, %2 inaktiv, %3 unbekannt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="715"/>
        <source>Settings of all nodes</source>
        <translation>Einstellungen aller Knoten</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="717"/>
        <source>Load-balancing efficiency %1: 100 % when the up nodes&apos; loads per CPU are equal (or all are idle), less as they drift apart</source>
        <translation>Effizienz der Lastverteilung %1: 100 %, wenn die Lasten pro CPU der aktiven Knoten gleich sind (oder alle untätig), weniger, je weiter sie auseinanderliegen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/model/nodetablemodel.cpp" line="721"/>
        <source>Load of the up nodes: %1 on %n CPU(s) (%2)</source>
        <translation>
            <numerusform>Last der aktiven Knoten: %1 auf %n CPU (%2)</numerusform>
            <numerusform>Last der aktiven Knoten: %1 auf %n CPUs (%2)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="725"/>
        <source>%1 of %2 memory in use on the up nodes (%3)</source>
        <translation>%1 von %2 Speicher auf den aktiven Knoten belegt (%3)</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="728"/>
        <source>%1 memory on the up nodes</source>
        <translation>%1 Speicher auf den aktiven Knoten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/model/nodetablemodel.cpp" line="730"/>
        <source>%n CPU(s) on the up nodes</source>
        <translation>
            <numerusform>%n CPU auf den aktiven Knoten</numerusform>
            <numerusform>%n CPUs auf den aktiven Knoten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="744"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="746"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="748"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="750"/>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="752"/>
        <source>Memory used</source>
        <translation>Speicher belegt</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="754"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="756"/>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="761"/>
        <source>openMosix node ID and state: green up, red down, grey unknown</source>
        <translation>openMosix-Knoten-ID und Zustand: grün aktiv, rot inaktiv, grau unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="763"/>
        <source>The node&apos;s address; click for its settings</source>
        <translation>Die Adresse des Knotens; Klick öffnet seine Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="765"/>
        <source>The node&apos;s speed (slider), or the cluster&apos;s load-balancing efficiency</source>
        <translation>Die Geschwindigkeit des Knotens (Schieberegler) oder die Effizienz der Lastverteilung im Cluster</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="767"/>
        <source>Load as a share of the node&apos;s CPUs</source>
        <translation>Last als Anteil der CPUs des Knotens</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="769"/>
        <source>Memory in use</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="771"/>
        <source>Total memory</source>
        <translation>Gesamter Speicher</translation>
    </message>
    <message>
        <location filename="../../app/model/nodetablemodel.cpp" line="773"/>
        <source>Online CPUs</source>
        <translation>CPUs online</translation>
    </message>
</context>
<context>
    <name>omview::NodesView</name>
    <message>
        <location filename="../../app/ui/nodesview.cpp" line="49"/>
        <source>&lt;p&gt;The columns of the nodes pane. Click a header to sort the nodes by it (the cluster row stays first), drag it to move the column, drag its edge to resize it; right-click to hide or show columns.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Spalten der Knotenliste. Klicken Sie auf eine Überschrift, um die Knoten danach zu sortieren (die Cluster-Zeile bleibt oben), ziehen Sie sie, um die Spalte zu verschieben, und ziehen Sie ihren Rand, um die Breite zu ändern; ein Rechtsklick blendet Spalten aus oder ein.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodesview.cpp" line="53"/>
        <source>&lt;p&gt;&lt;b&gt;The nodes pane.&lt;/b&gt; The first row is the whole cluster, the others one node each. Use What&apos;s This on a column for what it shows. Select several nodes with Ctrl or Shift to change their settings together.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Knotenliste.&lt;/b&gt; Die erste Zeile ist der ganze Cluster, die anderen je ein Knoten. Die Direkthilfe auf einer Spalte erklärt, was sie zeigt. Wählen Sie mit Strg oder Umschalt mehrere Knoten aus, um ihre Einstellungen gemeinsam zu ändern.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::ProcessesWindow</name>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="51"/>
        <source>Processes — omview</source>
        <translation>Prozesse — omview</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="87"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="89"/>
        <source>&amp;Run Program…</source>
        <translation>Programm &amp;ausführen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="92"/>
        <source>&lt;p&gt;Starts a program as a job of the cluster and shows where it runs, its output and its exit status.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Startet ein Programm als Job des Clusters und zeigt, wo es läuft, seine Ausgabe und seinen Exit-Status.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="95"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="98"/>
        <source>&lt;p&gt;Closes omview-procs. The processes are not touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt omview-procs. Die Prozesse bleiben unberührt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="99"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="101"/>
        <source>&amp;Migration Monitor…</source>
        <translation>&amp;Migrationsmonitor…</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="105"/>
        <source>&lt;p&gt;The nodes with the processes that migrated, moves as they happen, and the recent moves.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Knoten mit den migrierten Prozessen, Migrationen, während sie geschehen, und die letzten Migrationen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="107"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="110"/>
        <source>&lt;p&gt;Click any control afterwards to learn what it does.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Klicken Sie danach auf ein beliebiges Bedienelement, um zu erfahren, was es tut.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/processeswindow.cpp" line="143"/>
        <source>Processes of %1 — omview</source>
        <translation>Prozesse von %1 — omview</translation>
    </message>
</context>
<context>
    <name>omview::ProfileEditor</name>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="34"/>
        <source>Offer the keys of ssh-&amp;agent</source>
        <translation>Schlüssel des ssh-&amp;agent anbieten</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="52"/>
        <source>Local agent socket</source>
        <translation>Lokaler Agenten-Socket</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="53"/>
        <source>SSH to an entry node</source>
        <translation>SSH zu einem Einstiegsknoten</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="55"/>
        <source>default</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="56"/>
        <source>~/.ssh/config (default)</source>
        <translation>~/.ssh/config (Vorgabe)</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="57"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="58"/>
        <source>This file:</source>
        <translation>Diese Datei:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="59"/>
        <source>Socket, else the bridge</source>
        <translation>Socket, sonst die Brücke</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="60"/>
        <source>Socket forwarding only</source>
        <translation>Nur Socket-Weiterleitung</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="61"/>
        <source>Bridge command only</source>
        <translation>Nur Brückenbefehl</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="62"/>
        <source>e.g. lab cluster</source>
        <translation>z. B. Labor-Cluster</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="64"/>
        <source>name, address or ~/.ssh/config alias</source>
        <translation>Name, Adresse oder Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="65"/>
        <source>from ~/.ssh/config, else your user name</source>
        <translation>aus ~/.ssh/config, sonst Ihr Benutzername</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="66"/>
        <source>from ~/.ssh/config and ~/.ssh/id_*</source>
        <translation>aus ~/.ssh/config und ~/.ssh/id_*</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="67"/>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="68"/>
        <source>[user@]host[:port], from ~/.ssh/config</source>
        <translation>[benutzer@]host[:port], aus ~/.ssh/config</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="71"/>
        <source>&lt;p&gt;The profile&apos;s name, as the Connections list shows it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Name des Profils, wie ihn die Liste der Verbindungen zeigt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="72"/>
        <source>&lt;p&gt;How omview reaches the cluster: the agent of this machine through its socket, or an entry node&apos;s agent over SSH. Any node leads to the whole cluster.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wie omview den Cluster erreicht: über den Socket des Agenten auf diesem Rechner oder über SSH zum Agenten eines Einstiegsknotens. Jeder Knoten führt zum ganzen Cluster.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="75"/>
        <source>&lt;p&gt;The agent&apos;s socket on this machine.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Socket des Agenten auf diesem Rechner.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="76"/>
        <source>&lt;p&gt;The entry node: a host name, an address, or a Host alias of your SSH client configuration.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Einstiegsknoten: ein Hostname, eine Adresse oder ein Host-Alias aus Ihrer SSH-Client-Konfiguration.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="78"/>
        <source>&lt;p&gt;The SSH port; &lt;i&gt;default&lt;/i&gt; takes it from the client configuration, else 22.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der SSH-Port; &lt;i&gt;Vorgabe&lt;/i&gt; nimmt ihn aus der Client-Konfiguration, sonst 22.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="80"/>
        <source>&lt;p&gt;The user to log in as; empty takes it from the client configuration, else your own user name.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Benutzer für die Anmeldung; leer nimmt ihn aus der Client-Konfiguration, sonst Ihren eigenen Benutzernamen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="82"/>
        <source>&lt;p&gt;A private key to try before the configured and default ones.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein privater Schlüssel, der vor den konfigurierten und den Standardschlüsseln versucht wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="84"/>
        <source>&lt;p&gt;Offer the keys held by your ssh-agent first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zuerst die Schlüssel aus Ihrem ssh-agent anbieten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="85"/>
        <source>&lt;p&gt;The known_hosts file host keys are checked against and accepted keys are written to.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die known_hosts-Datei, gegen die Host-Schlüssel geprüft und in die angenommene Schlüssel geschrieben werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="87"/>
        <source>&lt;p&gt;Which OpenSSH client configuration to honour (Host aliases, User, Port, IdentityFile, ProxyJump, UserKnownHostsFile).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Welche OpenSSH-Client-Konfiguration berücksichtigt wird (Host-Aliase, User, Port, IdentityFile, ProxyJump, UserKnownHostsFile).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="89"/>
        <source>&lt;p&gt;The OpenSSH client configuration file to read when &lt;i&gt;This file&lt;/i&gt; is chosen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die OpenSSH-Client-Konfigurationsdatei, die gelesen wird, wenn &lt;i&gt;Diese Datei&lt;/i&gt; gewählt ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="91"/>
        <source>&lt;p&gt;Hosts to go through on the way, as ssh -J takes them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hosts, über die der Weg führt, in der Form, die ssh -J erwartet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="93"/>
        <source>&lt;p&gt;omagentd&apos;s socket on the entry node.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Socket von omagentd auf dem Einstiegsknoten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="94"/>
        <source>&lt;p&gt;How SSH reaches the agent: forwarding its socket (sshd&apos;s AllowStreamLocalForwarding), or running &lt;tt&gt;omagentd --bridge&lt;/tt&gt; on the node.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wie SSH den Agenten erreicht: durch Weiterleitung seines Sockets (AllowStreamLocalForwarding von sshd) oder durch Ausführen von &lt;tt&gt;omagentd --bridge&lt;/tt&gt; auf dem Knoten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="101"/>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="102"/>
        <source>Connec&amp;t with:</source>
        <translation>Verbindung &amp;über:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="103"/>
        <source>&amp;Socket:</source>
        <translation>Soc&amp;ket:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="103"/>
        <source>Agent Socket</source>
        <translation>Agenten-Socket</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="104"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="105"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="106"/>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="107"/>
        <source>&amp;Key file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="107"/>
        <source>Private Key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="109"/>
        <source>Known &amp;hosts:</source>
        <translation>Bekannte Hos&amp;ts:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="109"/>
        <source>Known Hosts File</source>
        <translation>Datei der bekannten Hosts</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="114"/>
        <source>SSH Client Configuration</source>
        <translation>SSH-Client-Konfiguration</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="116"/>
        <source>&amp;Configuration:</source>
        <translation>Kon&amp;figuration:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="120"/>
        <source>Pro&amp;xyJump:</source>
        <translation>Pro&amp;xyJump:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="121"/>
        <source>A&amp;gent socket:</source>
        <translation>A&amp;genten-Socket:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="122"/>
        <source>Agent &amp;access:</source>
        <translation>Agenten-&amp;Zugang:</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="147"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="148"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/connectionsdialog.cpp" line="149"/>
        <source>&lt;p&gt;Opens a file chooser for the field beside it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Öffnet eine Dateiauswahl für das Feld daneben.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>omview::ProfileStore</name>
    <message>
        <location filename="../../app/session/profilestore.cpp" line="114"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>omview::SaveHistoryDialog</name>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="28"/>
        <source>Save History</source>
        <translation>Verlauf speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="39"/>
        <source>SQLite database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="40"/>
        <source>CSV files</source>
        <translation>CSV-Dateien</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="41"/>
        <source>a new file</source>
        <translation>eine neue Datei</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="42"/>
        <source>&lt;p&gt;The first second to copy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die erste zu kopierende Sekunde.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="43"/>
        <source>&lt;p&gt;The last second to copy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die letzte zu kopierende Sekunde.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="44"/>
        <source>&lt;p&gt;Where the copy goes: a new file (an existing one is never overwritten). The collector writes it, so it must be a place the collector&apos;s user may write to.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wohin die Kopie geht: eine neue Datei (eine vorhandene wird nie überschrieben). Der Collector schreibt sie, daher muss der Ort für den Benutzer des Collectors beschreibbar sein.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="47"/>
        <source>&lt;p&gt;An SQLite database the history views can open, or CSV files (one for the nodes, one for the processes) for other programs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine SQLite-Datenbank, die die Verlaufsansichten öffnen können, oder CSV-Dateien (eine für die Knoten, eine für die Prozesse) für andere Programme.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="54"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="55"/>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="56"/>
        <source>&lt;p&gt;Opens a file chooser for the file to write.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Öffnet eine Dateiauswahl für die zu schreibende Datei.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="59"/>
        <source>Save History As</source>
        <translation>Verlauf speichern unter</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="60"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="61"/>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite)</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="73"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="74"/>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="75"/>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="88"/>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="92"/>
        <source>&lt;p&gt;Asks the collector to write the copy.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Beauftragt den Collector, die Kopie zu schreiben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="94"/>
        <source>&lt;p&gt;Closes the dialog; nothing is saved.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt den Dialog; nichts wird gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="135"/>
        <source>The range is empty: “From” must be before “To”.</source>
        <translation>Der Zeitraum ist leer: „Von“ muss vor „Bis“ liegen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="138"/>
        <source>Give the file to write.</source>
        <translation>Geben Sie die zu schreibende Datei an.</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="141"/>
        <source>Give the file as a full path (the collector writes it, from its own directory).</source>
        <translation>Geben Sie die Datei mit vollständigem Pfad an (der Collector schreibt sie aus seinem eigenen Verzeichnis heraus).</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="144"/>
        <source>The directory %1 does not exist.</source>
        <translation>Das Verzeichnis %1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/savehistorydialog.cpp" line="146"/>
        <source>%1 exists; the collector writes only new files. Choose another name.</source>
        <translation>%1 existiert bereits; der Collector schreibt nur neue Dateien. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>omview::ScreenshotWriter</name>
    <message>
        <location filename="../../app/ui/screenshotwriter.cpp" line="44"/>
        <source>%1: the window is gone</source>
        <translation>%1: Das Fenster existiert nicht mehr</translation>
    </message>
    <message>
        <location filename="../../app/ui/screenshotwriter.cpp" line="51"/>
        <source>%1: could not render the window</source>
        <translation>%1: Das Fenster konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <location filename="../../app/ui/screenshotwriter.cpp" line="56"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>omview::SessionPrompts</name>
    <message>
        <location filename="../../app/ui/sessionprompts.cpp" line="44"/>
        <source>Host key of %1 trusted</source>
        <translation>Dem Host-Schlüssel von %1 wird vertraut</translation>
    </message>
    <message>
        <location filename="../../app/ui/sessionprompts.cpp" line="48"/>
        <source>Host key of %1 not trusted: not connecting</source>
        <translation>Dem Host-Schlüssel von %1 wird nicht vertraut: keine Verbindung</translation>
    </message>
</context>
<context>
    <name>omview::SettingsEditor</name>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="23"/>
        <source>mixed</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="28"/>
        <source>&amp;Automatic migration</source>
        <translation>&amp;Automatische Migration</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="29"/>
        <source>&amp;Talk to other nodes</source>
        <translation>Mit anderen &amp;Knoten kommunizieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="30"/>
        <source>&amp;Local processes stay</source>
        <translation>&amp;Lokale Prozesse bleiben hier</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="31"/>
        <source>&amp;Block guest processes</source>
        <translation>&amp;Gastprozesse blockieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="46"/>
        <source>&lt;p&gt;A partly checked box means the nodes differ; it leaves each node as it is.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ein teilweise angekreuztes Feld bedeutet, dass sich die Knoten unterscheiden; jeder Knoten bleibt dann, wie er ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="48"/>
        <source>&lt;p&gt;&lt;b&gt;Automatic migration.&lt;/b&gt; When off (&lt;i&gt;stay&lt;/i&gt;), the balancer does not move this node&apos;s processes to other nodes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Automatische Migration.&lt;/b&gt; Ausgeschaltet (&lt;i&gt;stay&lt;/i&gt;) verschiebt der Lastverteiler die Prozesse dieses Knotens nicht auf andere Knoten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="51"/>
        <source>&lt;p&gt;&lt;b&gt;Talk to other nodes.&lt;/b&gt; When off (&lt;i&gt;quiet&lt;/i&gt;), the node stops sending its load to the others, and they stop sending work to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Mit anderen Knoten kommunizieren.&lt;/b&gt; Ausgeschaltet (&lt;i&gt;quiet&lt;/i&gt;) meldet der Knoten seine Last nicht mehr an die anderen, und diese schicken ihm keine Arbeit mehr.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="55"/>
        <source>&lt;p&gt;&lt;b&gt;Local processes stay&lt;/b&gt; (&lt;i&gt;lstay&lt;/i&gt;). Processes started on this node stay on it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Lokale Prozesse bleiben hier&lt;/b&gt; (&lt;i&gt;lstay&lt;/i&gt;). Auf diesem Knoten gestartete Prozesse bleiben auf ihm.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="58"/>
        <source>&lt;p&gt;&lt;b&gt;Block guest processes&lt;/b&gt; (&lt;i&gt;block&lt;/i&gt;). No process of another node migrates here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gastprozesse blockieren&lt;/b&gt; (&lt;i&gt;block&lt;/i&gt;). Kein Prozess eines anderen Knotens migriert hierher.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="61"/>
        <source>&lt;p&gt;&quot;%1&quot; means the nodes differ; it leaves each node as it is until you enter a value.&lt;/p&gt;</source>
        <translation>&lt;p&gt;„%1“ bedeutet, dass sich die Knoten unterscheiden; jeder Knoten bleibt, wie er ist, bis Sie einen Wert eingeben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="64"/>
        <source>&lt;p&gt;&lt;b&gt;Speed&lt;/b&gt;, 1 to 1000000. 10000 is the standard processor; the balancer sends more work to faster nodes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Geschwindigkeit&lt;/b&gt;, 1 bis 1000000. 10000 ist der Standardprozessor; der Lastverteiler schickt schnelleren Knoten mehr Arbeit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="67"/>
        <source>&lt;p&gt;&lt;b&gt;Decay interval&lt;/b&gt;, 1 to 65535 seconds: how often a process&apos;s load history decays.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Abklingintervall&lt;/b&gt;, 1 bis 65535 Sekunden: wie oft der Lastverlauf eines Prozesses abklingt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="70"/>
        <source>&lt;p&gt;&lt;b&gt;Slow decay&lt;/b&gt;, 1 to 1000 per mille of the load history a process keeps each interval. It must not be less than the fast decay.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Langsames Abklingen&lt;/b&gt;, 1 bis 1000 Promille des Lastverlaufs, die ein Prozess in jedem Intervall behält. Der Wert darf nicht kleiner sein als der des schnellen Abklingens.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="74"/>
        <source>&lt;p&gt;&lt;b&gt;Fast decay&lt;/b&gt;, 1 to 1000 per mille kept each interval, for processes marked to decay fast. It must not be more than the slow decay.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Schnelles Abklingen&lt;/b&gt;, 1 bis 1000 Promille, die in jedem Intervall behalten werden, für Prozesse, die für schnelles Abklingen gekennzeichnet sind. Der Wert darf nicht größer sein als der des langsamen Abklingens.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="79"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="80"/>
        <location filename="../../app/ui/settingseditor.cpp" line="81"/>
        <source> ‰</source>
        <translation> ‰</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="89"/>
        <source>Load balancing</source>
        <translation>Lastverteilung</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="94"/>
        <source>Speed and decay</source>
        <translation>Geschwindigkeit und Abklingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="96"/>
        <source>&amp;Speed:</source>
        <translation>Geschwin&amp;digkeit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="97"/>
        <source>Decay &amp;interval:</source>
        <translation>Abkling&amp;intervall:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="98"/>
        <source>Sl&amp;ow decay:</source>
        <translation>Langsa&amp;mes Abklingen:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settingseditor.cpp" line="99"/>
        <source>&amp;Fast decay:</source>
        <translation>S&amp;chnelles Abklingen:</translation>
    </message>
</context>
<context>
    <name>omview::SpeedDelegate</name>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="308"/>
        <source>Efficiency %1 %</source>
        <translation>Effizienz %1 %</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="309"/>
        <source>Efficiency unknown</source>
        <translation>Effizienz unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="447"/>
        <source>The node&apos;s speed, 1 to 1000000 (10000 = the standard processor); Enter sets it, Escape cancels</source>
        <translation>Die Geschwindigkeit des Knotens, 1 bis 1000000 (10000 = der Standardprozessor); Eingabetaste setzt sie, Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>omview::TerminalCommand</name>
    <message>
        <location filename="../../app/ui/terminalcommand.cpp" line="62"/>
        <source>The node has no address to connect to.</source>
        <translation>Der Knoten hat keine Adresse, mit der verbunden werden könnte.</translation>
    </message>
    <message>
        <location filename="../../app/ui/terminalcommand.cpp" line="66"/>
        <source>No ssh program found on PATH: install the OpenSSH client.</source>
        <translation>Kein ssh-Programm im PATH gefunden: Installieren Sie den OpenSSH-Client.</translation>
    </message>
    <message>
        <location filename="../../app/ui/terminalcommand.cpp" line="74"/>
        <source>$TERMINAL is &quot;%1&quot;, which is not a program on PATH.</source>
        <translation>$TERMINAL ist „%1“, aber das ist kein Programm im PATH.</translation>
    </message>
    <message>
        <location filename="../../app/ui/terminalcommand.cpp" line="87"/>
        <source>No terminal found: set $TERMINAL to your terminal program or install one (for example xterm).</source>
        <translation>Kein Terminal gefunden: Setzen Sie $TERMINAL auf Ihr Terminalprogramm oder installieren Sie eines (zum Beispiel xterm).</translation>
    </message>
    <message>
        <location filename="../../app/ui/terminalcommand.cpp" line="107"/>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>omview::UsageBarDelegate</name>
    <message>
        <location filename="../../app/ui/nodedelegates.cpp" line="524"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::AnalyzerChart</name>
    <message>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="133"/>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="175"/>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="135"/>
        <source>Load above %1 % (dashed: the threshold)</source>
        <translation>Last über %1 % (gestrichelt: die Schwelle)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="137"/>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="177"/>
        <source>Memory used</source>
        <translation>Belegter Speicher</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="138"/>
        <source>Checkpoint</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerchart.cpp" line="176"/>
        <source>Above threshold</source>
        <translation>Über der Schwelle</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::AnalyzerSession</name>
    <message>
        <location filename="../../analyzer/src/analyzersession.cpp" line="94"/>
        <source>the range ends before it starts</source>
        <translation>der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../analyzer/src/analyzersession.cpp" line="96"/>
        <source>cannot zoom in further than %n seconds</source>
        <translation>
            <numerusform>weiter als %n Sekunde kann nicht vergrößert werden</numerusform>
            <numerusform>weiter als %n Sekunden kann nicht vergrößert werden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzersession.cpp" line="99"/>
        <source>the range starts before 1970</source>
        <translation>der Zeitraum beginnt vor 1970</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzersession.cpp" line="118"/>
        <source>a threshold of %1 % is not between 1 and 10000</source>
        <translation>eine Schwelle von %1 % liegt nicht zwischen 1 und 10000</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::AnalyzerWidget</name>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="55"/>
        <source>per-second rows</source>
        <translation>Sekundenzeilen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="57"/>
        <source>minute rows</source>
        <translation>Minutenzeilen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="59"/>
        <source>hour rows</source>
        <translation>Stundenzeilen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="66"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="68"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="70"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="71"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="79"/>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="81"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="82"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="83"/>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="84"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="85"/>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="86"/>
        <source>The time range every chart shows; &quot;last&quot; counts back from the newest sample in the database</source>
        <translation>Der Zeitraum, den alle Diagramme zeigen; „Letzte…“ zählt vom neuesten Messwert in der Datenbank zurück</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="96"/>
        <source>First second of the custom range</source>
        <translation>Erste Sekunde des benutzerdefinierten Zeitraums</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="97"/>
        <source>Last second of the custom range</source>
        <translation>Letzte Sekunde des benutzerdefinierten Zeitraums</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="98"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="107"/>
        <source>Load threshold:</source>
        <translation>Lastschwelle:</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="111"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="113"/>
        <source>The load line turns red above this value.
Load is in openMosix units, normalised per CPU: the agent divides a node&apos;s load by its number of CPUs and scales it by the node&apos;s speed against the standard one, so 100 % means every CPU of the node busy, on a node of any size. The cluster&apos;s line is the mean of its nodes&apos; loads.</source>
        <translation>Die Lastlinie wird über diesem Wert rot.
Die Last wird in openMosix-Einheiten pro CPU angegeben: Der Agent teilt die Last eines Knotens durch die Zahl seiner CPUs und skaliert sie mit der Geschwindigkeit des Knotens relativ zur Standardgeschwindigkeit, sodass 100 % auf einem Knoten jeder Größe bedeutet, dass jede seiner CPUs ausgelastet ist. Die Linie des Clusters ist der Mittelwert der Lasten seiner Knoten.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="131"/>
        <source>Follow</source>
        <translation>Mitlaufen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="133"/>
        <source>While the collector writes, read the newest rows every two seconds and move the range with them</source>
        <translation>Während der Collector schreibt, alle zwei Sekunden die neuesten Zeilen lesen und den Zeitraum mit ihnen verschieben</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="141"/>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="142"/>
        <source>Back to the whole range (or right-click a chart)</source>
        <translation>Zurück zum ganzen Zeitraum (oder Rechtsklick in ein Diagramm)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="157"/>
        <source>Load: left axis, 100 % = every CPU of the node busy. Memory: right axis, up to the node&apos;s total. Click a chart for the processes at that moment; drag to zoom, Shift-drag to pan, right-click to zoom out.</source>
        <translation>Last: linke Achse, 100 % = jede CPU des Knotens ausgelastet. Speicher: rechte Achse, bis zum Gesamtspeicher des Knotens. Ein Klick in ein Diagramm zeigt die Prozesse zu diesem Zeitpunkt; Ziehen vergrößert, Ziehen mit Umschalt verschiebt, Rechtsklick verkleinert.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="166"/>
        <source>Tick the nodes whose charts to show; click one to scroll to it</source>
        <translation>Kreuzen Sie die Knoten an, deren Diagramme angezeigt werden sollen; ein Klick rollt zum Diagramm</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="462"/>
        <source>omview analyzer</source>
        <translation>omview-Analyse</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="466"/>
        <source>omview analyzer — %1</source>
        <translation>omview-Analyse — %1</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="467"/>
        <source>%1 to %2 · load threshold %3 % · %4</source>
        <translation>%1 bis %2 · Lastschwelle %3 % · %4</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="481"/>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="487"/>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="493"/>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="499"/>
        <source>no database is open</source>
        <translation>keine Datenbank geöffnet</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="543"/>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="584"/>
        <source>%1 holds no samples yet.</source>
        <translation>%1 enthält noch keine Messwerte.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="589"/>
        <source>Showing %1 to %2</source>
        <translation>Anzeige von %1 bis %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="593"/>
        <source> (zoomed)</source>
        <translation> (vergrößert)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="597"/>
        <source> · %1, one column per %2</source>
        <translation> · %1, eine Spalte pro %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwidget.cpp" line="601"/>
        <source> · the file holds %1 to %2</source>
        <translation> · die Datei enthält %1 bis %2</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::AnalyzerWindow</name>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="19"/>
        <source>omview analyzer</source>
        <translation>omview-Analyse</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="29"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="30"/>
        <source>&amp;Open database…</source>
        <translation>Datenbank &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="33"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="35"/>
        <source>Print pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="37"/>
        <source>Export as P&amp;NG…</source>
        <translation>Als P&amp;NG exportieren…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="38"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="39"/>
        <source>Export as P&amp;DF…</source>
        <translation>Als PD&amp;F exportieren…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="40"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="41"/>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="42"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="44"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="51"/>
        <source>%1 — omview analyzer</source>
        <translation>%1 — omview-Analyse</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="52"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="59"/>
        <source>Open a collector database</source>
        <translation>Collector-Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="60"/>
        <source>Collector databases (*.db *.sqlite);;All files (*)</source>
        <translation>Collector-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="64"/>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="71"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="75"/>
        <source>Export the charts</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="82"/>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="84"/>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="88"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="97"/>
        <source>Sent to the printer</source>
        <translation>An den Drucker gesendet</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/analyzerwindow.cpp" line="103"/>
        <source>Print preview — omview analyzer</source>
        <translation>Druckvorschau — omview-Analyse</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::ChartExport</name>
    <message>
        <location filename="../../analyzer/src/chartexport.cpp" line="24"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartexport.cpp" line="48"/>
        <source>an image width must be 200 to 20000 pixels</source>
        <translation>eine Bildbreite muss zwischen 200 und 20000 Pixeln liegen</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartexport.cpp" line="56"/>
        <source>the image could not be encoded</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartexport.cpp" line="73"/>
        <source>omview analyzer</source>
        <translation>omview-Analyse</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::ChartReport</name>
    <message>
        <location filename="../../analyzer/src/chartreport.cpp" line="146"/>
        <source>the printer or file could not be opened for painting</source>
        <translation>der Drucker oder die Datei konnte nicht zum Zeichnen geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartreport.cpp" line="149"/>
        <source>the page has no printable area</source>
        <translation>die Seite hat keinen bedruckbaren Bereich</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::ChartView</name>
    <message>
        <location filename="../../analyzer/src/chartview.cpp" line="202"/>
        <source>Load %1 %</source>
        <translation>Last %1 %</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartview.cpp" line="207"/>
        <source>Memory used %1 of %2</source>
        <translation>Speicher belegt: %1 von %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/chartview.cpp" line="211"/>
        <source>Click for the processes at this moment; drag to zoom</source>
        <translation>Klicken zeigt die Prozesse zu diesem Zeitpunkt; Ziehen vergrößert</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::NodeListModel</name>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="68"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="71"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="71"/>
        <source>%1 (node %2)</source>
        <translation>%1 (Knoten %2)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="110"/>
        <source>The whole cluster: the mean of the nodes&apos; loads, the sum of their memory</source>
        <translation>Der ganze Cluster: der Mittelwert der Lasten der Knoten, die Summe ihres Speichers</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="111"/>
        <source>%1, address %2
first seen %3, last seen %4</source>
        <translation>%1, Adresse %2
zuerst gesehen %3, zuletzt gesehen %4</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/nodelistmodel.cpp" line="159"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::RangeSelection</name>
    <message numerus="yes">
        <location filename="../../analyzer/src/rangeselection.cpp" line="36"/>
        <source>a range of %n seconds is not between a minute and 100 years</source>
        <translation>
            <numerusform>ein Zeitraum von %n Sekunde liegt nicht zwischen einer Minute und 100 Jahren</numerusform>
            <numerusform>ein Zeitraum von %n Sekunden liegt nicht zwischen einer Minute und 100 Jahren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="41"/>
        <source>the range ends before it starts</source>
        <translation>der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="43"/>
        <source>the range is shorter than a minute</source>
        <translation>der Zeitraum ist kürzer als eine Minute</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="45"/>
        <source>the range is not within 1970 and the next 100 years</source>
        <translation>der Zeitraum liegt nicht zwischen 1970 und den nächsten 100 Jahren</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="53"/>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="60"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="66"/>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="68"/>
        <source>last day</source>
        <translation>letzter Tag</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="70"/>
        <source>last week</source>
        <translation>letzte Woche</translation>
    </message>
    <message numerus="yes">
        <location filename="../../analyzer/src/rangeselection.cpp" line="72"/>
        <source>last %n days</source>
        <translation>
            <numerusform>letzter %n Tag</numerusform>
            <numerusform>letzte %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../analyzer/src/rangeselection.cpp" line="74"/>
        <source>last %n hours</source>
        <translation>
            <numerusform>letzte %n Stunde</numerusform>
            <numerusform>letzte %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../analyzer/src/rangeselection.cpp" line="75"/>
        <source>last %n minutes</source>
        <translation>
            <numerusform>letzte %n Minute</numerusform>
            <numerusform>letzte %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="94"/>
        <location filename="../../analyzer/src/rangeselection.cpp" line="97"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/rangeselection.cpp" line="103"/>
        <source>%1: not hour, day, week, all, a duration (6h) or FROM..TO (%2)</source>
        <translation>%1: weder hour, day, week, all, eine Dauer (6h) noch VON..BIS (%2)</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::SeriesBuilder</name>
    <message>
        <location filename="../../analyzer/src/seriesbuilder.cpp" line="139"/>
        <source>the range ends (%1) before it starts (%2)</source>
        <translation>der Zeitraum endet (%1), bevor er beginnt (%2)</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/seriesbuilder.cpp" line="145"/>
        <source>a chart must be at least 4 pixels wide, not %1</source>
        <translation>ein Diagramm muss mindestens 4 Pixel breit sein, nicht %1</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/seriesbuilder.cpp" line="182"/>
        <source>the range ends before it starts</source>
        <translation>der Zeitraum endet, bevor er beginnt</translation>
    </message>
</context>
<context>
    <name>omview::analyzer::StatisticsModel</name>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="15"/>
        <source>Samples</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="16"/>
        <source>Load min</source>
        <translation>Last min.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="17"/>
        <source>Load avg</source>
        <translation>Last Mittel</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="18"/>
        <source>Load max</source>
        <translation>Last max.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="19"/>
        <source>Memory min</source>
        <translation>Speicher min.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="20"/>
        <source>Memory avg</source>
        <translation>Speicher Mittel</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="21"/>
        <source>Memory max</source>
        <translation>Speicher max.</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="22"/>
        <source>Memory total</source>
        <translation>Speicher gesamt</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="86"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="108"/>
        <source>No samples of %1 in this range</source>
        <translation>Keine Messwerte von %1 in diesem Zeitraum</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="125"/>
        <source>Seconds with a sample of %1 in the range</source>
        <translation>Sekunden mit einem Messwert von %1 im Zeitraum</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="127"/>
        <source>Load: 100 % means every CPU of the node busy</source>
        <translation>Last: 100 % bedeutet, dass jede CPU des Knotens ausgelastet ist</translation>
    </message>
    <message>
        <location filename="../../analyzer/src/statisticsmodel.cpp" line="128"/>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
</context>
<context>
    <name>omview::history::CpuRankingModel</name>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="172"/>
        <source>%1 of CPU time in %2</source>
        <translation>%1 CPU-Zeit in %2</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="240"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="242"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="244"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="246"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="248"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="250"/>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="252"/>
        <source>Average CPU</source>
        <translation>CPU im Mittel</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="254"/>
        <source>Peak CPU</source>
        <translation>CPU-Spitze</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="256"/>
        <source>Peak memory</source>
        <translation>Speicherspitze</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="258"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="260"/>
        <source>Last ran on</source>
        <translation>Zuletzt auf</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="262"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="264"/>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="270"/>
        <source>Rank by CPU time used within the interval</source>
        <translation>Rang nach der im Zeitraum genutzten CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="272"/>
        <source>CPU time used within the interval</source>
        <translation>Im Zeitraum genutzte CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="274"/>
        <source>CPU time within the interval as a share of one CPU</source>
        <translation>CPU-Zeit im Zeitraum als Anteil einer CPU</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="276"/>
        <source>The highest CPU share sampled within the interval</source>
        <translation>Der höchste im Zeitraum gemessene CPU-Anteil</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="278"/>
        <source>Migrations within the interval</source>
        <translation>Migrationen im Zeitraum</translation>
    </message>
    <message>
        <location filename="../../history/src/cpurankingmodel.cpp" line="280"/>
        <source>The node the process ran on at its last snapshot in the interval</source>
        <translation>Der Knoten, auf dem der Prozess bei seiner letzten Momentaufnahme im Zeitraum lief</translation>
    </message>
</context>
<context>
    <name>omview::history::HistorySession</name>
    <message>
        <location filename="../../history/src/historysession.cpp" line="58"/>
        <location filename="../../history/src/historysession.cpp" line="100"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="117"/>
        <location filename="../../history/src/historysession.cpp" line="140"/>
        <location filename="../../history/src/historysession.cpp" line="188"/>
        <location filename="../../history/src/historysession.cpp" line="200"/>
        <source>Cannot read the processes</source>
        <translation>Die Prozesse können nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="129"/>
        <source>any node</source>
        <translation>irgendeinem Knoten</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="150"/>
        <source>%1 of %2 from %3: %4</source>
        <translation>%1 (von %2 aus %3): %4</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="164"/>
        <source>Cannot read the processes at %1</source>
        <translation>Die Prozesse um %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="170"/>
        <source>Cannot read the next snapshot</source>
        <translation>Die nächste Momentaufnahme kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="178"/>
        <source>Cannot read the previous snapshot</source>
        <translation>Die vorherige Momentaufnahme kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="191"/>
        <source>Cannot read the first snapshot</source>
        <translation>Die erste Momentaufnahme kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="203"/>
        <source>Cannot read the newest snapshot</source>
        <translation>Die neueste Momentaufnahme kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="209"/>
        <source>No collector database is open.</source>
        <translation>Keine Collector-Datenbank geöffnet.</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="213"/>
        <source>%1 holds no data yet: the collector has not recorded anything into it.</source>
        <translation>%1 enthält noch keine Daten: Der Collector hat noch nichts darin aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="224"/>
        <location filename="../../history/src/historysession.cpp" line="272"/>
        <source>There is no data to rank.</source>
        <translation>Es gibt keine Daten für eine Rangliste.</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="225"/>
        <source>%1 to %2 lies outside the recorded range (%3 to %4).</source>
        <translation>%1 bis %2 liegt außerhalb des aufgezeichneten Zeitraums (%3 bis %4).</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="255"/>
        <source>Cannot rank the processes of %1 from %2: %3</source>
        <translation>Die Prozesse von %1 aus %2 können nicht geordnet werden: %3</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="274"/>
        <source>No process snapshots of %1 between %2 and %3.</source>
        <translation>Keine Prozess-Momentaufnahmen von %1 zwischen %2 und %3.</translation>
    </message>
    <message>
        <location filename="../../history/src/historysession.cpp" line="277"/>
        <source>Showing the %1 processes that used the most CPU time.</source>
        <translation>Angezeigt werden die %1 Prozesse, die die meiste CPU-Zeit genutzt haben.</translation>
    </message>
</context>
<context>
    <name>omview::history::HistoryWindow</name>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="57"/>
        <source>one process</source>
        <translation>ein Prozess</translation>
    </message>
    <message numerus="yes">
        <location filename="../../history/src/historywindow.cpp" line="58"/>
        <source>%n processes</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="84"/>
        <location filename="../../history/src/historywindow.cpp" line="708"/>
        <source>Process History</source>
        <translation>Prozessverlauf</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="142"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="147"/>
        <source>&amp;Open Database…</source>
        <translation>Datenbank &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="148"/>
        <source>Opens another collector database or a saved copy of one.</source>
        <translation>Öffnet eine andere Collector-Datenbank oder eine gespeicherte Kopie davon.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="151"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="152"/>
        <source>Reads what the collector has written since the database was opened. This also happens every few seconds.</source>
        <translation>Liest, was der Collector seit dem Öffnen der Datenbank geschrieben hat. Das geschieht auch alle paar Sekunden von selbst.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="157"/>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="157"/>
        <source>Closes the history window.</source>
        <translation>Schließt das Verlaufsfenster.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="161"/>
        <source>&amp;First Snapshot</source>
        <translation>&amp;Erste Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="162"/>
        <source>Shows the first process snapshot of the chosen node.</source>
        <translation>Zeigt die erste Prozess-Momentaufnahme des gewählten Knotens.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="166"/>
        <source>&amp;Previous Snapshot</source>
        <translation>&amp;Vorherige Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="167"/>
        <source>Shows the process snapshot before the one shown. The slider steps the same way with the Left key when it has the focus.</source>
        <translation>Zeigt die Prozess-Momentaufnahme vor der angezeigten. Der Schieberegler geht mit der Pfeiltaste nach links genauso zurück, wenn er den Fokus hat.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="172"/>
        <source>&amp;Next Snapshot</source>
        <translation>&amp;Nächste Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="173"/>
        <source>Shows the process snapshot after the one shown. The slider steps the same way with the Right key when it has the focus.</source>
        <translation>Zeigt die Prozess-Momentaufnahme nach der angezeigten. Der Schieberegler geht mit der Pfeiltaste nach rechts genauso weiter, wenn er den Fokus hat.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="177"/>
        <source>&amp;Last Snapshot</source>
        <translation>&amp;Letzte Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="178"/>
        <source>Shows the newest process snapshot of the chosen node.</source>
        <translation>Zeigt die neueste Prozess-Momentaufnahme des gewählten Knotens.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="181"/>
        <source>&amp;Go to Moment…</source>
        <translation>Zu &amp;Zeitpunkt springen…</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="182"/>
        <source>Moves the focus to the moment field: type a date and time and press Enter to see the processes then.</source>
        <translation>Setzt den Fokus in das Zeitpunktfeld: Geben Sie Datum und Uhrzeit ein und drücken Sie die Eingabetaste, um die Prozesse zu diesem Zeitpunkt zu sehen.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="190"/>
        <source>Show &amp;Guest Processes</source>
        <translation>&amp;Gastprozesse anzeigen</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="191"/>
        <source>A guest is a process that migrated to a node from its home node. Its home node lists it too, with the node it runs on under “Ran on”; so with guests hidden every process appears once. Shown, they appear in italics and count in the CPU ranking as well.</source>
        <translation>Ein Gast ist ein Prozess, der von seinem Heimatknoten auf einen anderen Knoten migriert ist. Sein Heimatknoten führt ihn ebenfalls, mit dem Knoten, auf dem er läuft, unter „Lief auf“; bei ausgeblendeten Gästen erscheint daher jeder Prozess einmal. Eingeblendet erscheinen sie kursiv und zählen auch in der CPU-Rangliste.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="202"/>
        <source>&amp;Processes at the Moment</source>
        <translation>&amp;Prozesse zum Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="204"/>
        <source>Shows the table of the processes at the chosen moment.</source>
        <translation>Zeigt die Tabelle der Prozesse zum gewählten Zeitpunkt.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="205"/>
        <source>&amp;CPU Ranking of an Interval</source>
        <translation>&amp;CPU-Rangliste eines Zeitraums</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="207"/>
        <source>Shows which processes used the most CPU time between two moments.</source>
        <translation>Zeigt, welche Prozesse zwischen zwei Zeitpunkten die meiste CPU-Zeit genutzt haben.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="222"/>
        <source>Says when the table cannot show exactly the moment chosen: no data yet, a stretch without snapshots, or a failed read.</source>
        <translation>Meldet, wenn die Tabelle nicht genau den gewählten Zeitpunkt zeigen kann: noch keine Daten, eine Strecke ohne Momentaufnahmen oder ein fehlgeschlagenes Lesen.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="238"/>
        <source>The load of the chosen node (or the mean of all nodes) over the whole recorded range. Dashed lines mark checkpoints; the solid line is the moment shown. Click to show the processes at a moment; drag across it to rank the processes by the CPU time they used in that interval.</source>
        <translation>Die Last des gewählten Knotens (oder der Mittelwert aller Knoten) über den ganzen aufgezeichneten Zeitraum. Gestrichelte Linien kennzeichnen Markierungen; die durchgezogene Linie ist der angezeigte Zeitpunkt. Ein Klick zeigt die Prozesse zu einem Zeitpunkt; Ziehen über das Diagramm ordnet die Prozesse nach der CPU-Zeit, die sie in diesem Zeitraum genutzt haben.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="249"/>
        <location filename="../../history/src/historywindow.cpp" line="270"/>
        <source>Moment</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="250"/>
        <source>The moment whose processes the table shows, anywhere in the recorded range. The table shows the last snapshot taken at or before it. With the focus here, Left and Right step to the previous and next snapshot, Page Up and Page Down move further.</source>
        <translation>Der Zeitpunkt, dessen Prozesse die Tabelle zeigt, irgendwo im aufgezeichneten Zeitraum. Die Tabelle zeigt die letzte Momentaufnahme zu oder vor diesem Zeitpunkt. Mit dem Fokus hier gehen die Pfeiltasten links und rechts zur vorherigen und nächsten Momentaufnahme, Bild auf und Bild ab springen weiter.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="271"/>
        <source>The moment shown; type another and press Enter</source>
        <translation>Der angezeigte Zeitpunkt; geben Sie einen anderen ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="272"/>
        <source>The moment whose processes the table shows. Type a date and time and press Enter to go there.</source>
        <translation>Der Zeitpunkt, dessen Prozesse die Tabelle zeigt. Geben Sie Datum und Uhrzeit ein und drücken Sie die Eingabetaste, um dorthin zu gehen.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="280"/>
        <source>The snapshot the table shows: the last one taken at or before the moment chosen.</source>
        <translation>Die Momentaufnahme, die die Tabelle zeigt: die letzte zu oder vor dem gewählten Zeitpunkt.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="291"/>
        <source>The processes as the snapshot recorded them: command, user, CPU share over the agent&apos;s last interval, CPU time so far, resident memory, the node the process ran on, its home node and how often it has migrated. Click a header to sort; right-click it to choose the columns.</source>
        <translation>Die Prozesse, wie die Momentaufnahme sie festgehalten hat: Befehl, Benutzer, CPU-Anteil im letzten Intervall des Agenten, bisherige CPU-Zeit, residenter Speicher, der Knoten, auf dem der Prozess lief, sein Heimatknoten und wie oft er migriert ist. Ein Klick auf eine Überschrift sortiert; ein Rechtsklick darauf wählt die Spalten.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="295"/>
        <source>Processes at the moment</source>
        <translation>Prozesse zum Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="296"/>
        <source>CPU ranking of an interval</source>
        <translation>CPU-Rangliste eines Zeitraums</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="309"/>
        <source>Browse</source>
        <translation>Blättern</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="316"/>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="321"/>
        <source>Whose processes to show: one node&apos;s (its own and, if shown, its guests), or every node&apos;s. The load chart follows.</source>
        <translation>Wessen Prozesse angezeigt werden: die eines Knotens (seine eigenen und, falls eingeblendet, seine Gäste) oder die aller Knoten. Das Lastdiagramm folgt der Auswahl.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="327"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="330"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="333"/>
        <source>Shows only the processes of users whose name contains this text, in both tables.</source>
        <translation>Zeigt in beiden Tabellen nur die Prozesse von Benutzern, deren Name diesen Text enthält.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="337"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="340"/>
        <source>Shows only the processes whose command or command line contains this text, in both tables.</source>
        <translation>Zeigt in beiden Tabellen nur die Prozesse, deren Befehl oder Befehlszeile diesen Text enthält.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="412"/>
        <source>Fro&amp;m</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="415"/>
        <source>The start of the interval whose CPU use is ranked. Dragging across the load chart sets both ends.</source>
        <translation>Der Beginn des Zeitraums, dessen CPU-Nutzung geordnet wird. Ziehen über das Lastdiagramm setzt beide Enden.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="418"/>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="421"/>
        <source>The end of the interval whose CPU use is ranked.</source>
        <translation>Das Ende des Zeitraums, dessen CPU-Nutzung geordnet wird.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="423"/>
        <source>&amp;Last Hour</source>
        <translation>&amp;Letzte Stunde</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="425"/>
        <source>Ranks the last hour of the recorded range.</source>
        <translation>Ordnet die letzte Stunde des aufgezeichneten Zeitraums.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="426"/>
        <source>&amp;Whole Range</source>
        <translation>Gesamter &amp;Zeitraum</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="428"/>
        <source>Ranks everything the database holds.</source>
        <translation>Ordnet alles, was die Datenbank enthält.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="429"/>
        <source>or drag across the load chart</source>
        <translation>oder über das Lastdiagramm ziehen</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="453"/>
        <source>Who used the CPU in the interval: every process that ran in it, by the CPU time it used there, with its average and peak CPU share, its peak memory and the migrations it made. A process that ran throughout counts from the snapshot before the interval.</source>
        <translation>Wer im Zeitraum die CPU genutzt hat: jeder Prozess, der darin lief, nach der dort genutzten CPU-Zeit, mit mittlerem und höchstem CPU-Anteil, höchstem Speicherbedarf und seinen Migrationen. Ein Prozess, der durchgehend lief, zählt ab der Momentaufnahme vor dem Zeitraum.</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="484"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="490"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="498"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="503"/>
        <source>Process &amp;Columns</source>
        <translation>Prozess&amp;spalten</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="504"/>
        <source>&amp;Ranking Columns</source>
        <translation>&amp;Ranglistenspalten</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="506"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="634"/>
        <source>Cannot open the collector database: %1</source>
        <translation>Die Collector-Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="647"/>
        <source>Open Collector Database</source>
        <translation>Collector-Datenbank öffnen</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="648"/>
        <source>Collector databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Collector-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="652"/>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="680"/>
        <location filename="../../history/src/historywindow.cpp" line="878"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="683"/>
        <location filename="../../history/src/historywindow.cpp" line="691"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="684"/>
        <source>%1 (node %2)</source>
        <translation>%1 (Knoten %2)</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="707"/>
        <source>Process History — %1</source>
        <translation>Prozessverlauf — %1</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="737"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="751"/>
        <location filename="../../history/src/historywindow.cpp" line="868"/>
        <source>No database open</source>
        <translation>Keine Datenbank geöffnet</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="757"/>
        <source>Cannot read the load: %1</source>
        <translation>Die Last kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="762"/>
        <source>No data recorded yet</source>
        <translation>Noch keine Daten aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="763"/>
        <source>No load recorded for %1</source>
        <translation>Keine Last für %1 aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="817"/>
        <source>No snapshot shown</source>
        <translation>Keine Momentaufnahme angezeigt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="819"/>
        <source>Snapshot of %1, %2 before the moment chosen</source>
        <translation>Momentaufnahme vom %1, %2 vor dem gewählten Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="822"/>
        <source>Snapshot of %1</source>
        <translation>Momentaufnahme vom %1</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="876"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="879"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../history/src/historywindow.cpp" line="886"/>
        <source>%1 used %2 of CPU time in %3: on average %4 CPUs busy.</source>
        <translation>%1: %2 CPU-Zeit in %3, im Mittel %4 CPUs ausgelastet.</translation>
    </message>
</context>
<context>
    <name>omview::history::LoadChartView</name>
    <message>
        <location filename="../../history/src/loadchartview.cpp" line="39"/>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <location filename="../../history/src/loadchartview.cpp" line="278"/>
        <source>Checkpoint “%1” at %2</source>
        <translation>Markierung „%1“ um %2</translation>
    </message>
    <message>
        <location filename="../../history/src/loadchartview.cpp" line="281"/>
        <source>%1
Click to show the processes then; drag to rank an interval.</source>
        <translation>%1
Klicken zeigt die Prozesse zu diesem Zeitpunkt; Ziehen ordnet einen Zeitraum.</translation>
    </message>
</context>
<context>
    <name>omview::history::ProcessSnapshotModel</name>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="176"/>
        <source>A guest: it migrated here from %1, which lists it too.</source>
        <translation>Ein Gast: von %1 hierher migriert, wo er ebenfalls geführt wird.</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="179"/>
        <source>Migrated away from %1 to %2.</source>
        <translation>Von %1 nach %2 migriert.</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="181"/>
        <source>Runs on its home node.</source>
        <translation>Läuft auf seinem Heimatknoten.</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="183"/>
        <source>uid %1</source>
        <translation>UID %1</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="256"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="258"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="260"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="262"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="264"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="266"/>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="268"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="270"/>
        <source>Ran on</source>
        <translation>Lief auf</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="272"/>
        <source>Home</source>
        <translation>Heimat</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="274"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="276"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="278"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="280"/>
        <source>Nice</source>
        <translation>Nice</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="282"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="288"/>
        <source>The node that reported the process</source>
        <translation>Der Knoten, der den Prozess gemeldet hat</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="290"/>
        <source>Share of one CPU over the agent&apos;s last sampling interval</source>
        <translation>Anteil einer CPU im letzten Messintervall des Agenten</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="292"/>
        <source>User and system CPU time used since the process started</source>
        <translation>Seit dem Start des Prozesses genutzte CPU-Zeit (Benutzer und System)</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="294"/>
        <source>Resident memory</source>
        <translation>Residenter Speicher</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="296"/>
        <source>The node the process ran on at this snapshot</source>
        <translation>Der Knoten, auf dem der Prozess bei dieser Momentaufnahme lief</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="298"/>
        <source>The node the process started on</source>
        <translation>Der Knoten, auf dem der Prozess gestartet wurde</translation>
    </message>
    <message>
        <location filename="../../history/src/processsnapshotmodel.cpp" line="300"/>
        <source>How often the process has migrated so far</source>
        <translation>Wie oft der Prozess bisher migriert ist</translation>
    </message>
</context>
<context>
    <name>omview::history::SnapshotCursor</name>
    <message>
        <location filename="../../history/src/snapshotcursor.cpp" line="12"/>
        <source>No collector database is open.</source>
        <translation>Keine Collector-Datenbank geöffnet.</translation>
    </message>
    <message>
        <location filename="../../history/src/snapshotcursor.cpp" line="119"/>
        <source>There are no process snapshots of %1 in this database.</source>
        <translation>Diese Datenbank enthält keine Prozess-Momentaufnahmen von %1.</translation>
    </message>
    <message>
        <location filename="../../history/src/snapshotcursor.cpp" line="121"/>
        <source>No process snapshot of %1 at or before %2: the first one was taken at %3.</source>
        <translation>Keine Prozess-Momentaufnahme von %1 zu oder vor %2: Die erste wurde um %3 aufgenommen.</translation>
    </message>
    <message>
        <location filename="../../history/src/snapshotcursor.cpp" line="124"/>
        <source>No process snapshots of %1 from %2 to %3 (%4): the collector or the node was not recording. The table shows the processes as of %2.</source>
        <translation>Keine Prozess-Momentaufnahmen von %1 von %2 bis %3 (%4): Der Collector oder der Knoten hat nicht aufgezeichnet. Die Tabelle zeigt die Prozesse mit Stand %2.</translation>
    </message>
    <message>
        <location filename="../../history/src/snapshotcursor.cpp" line="129"/>
        <source>The last process snapshot of %1 was taken at %2, %3 before the chosen moment. The table shows the processes as of then.</source>
        <translation>Die letzte Prozess-Momentaufnahme von %1 wurde um %2 aufgenommen, %3 vor dem gewählten Zeitpunkt. Die Tabelle zeigt die Prozesse mit diesem Stand.</translation>
    </message>
</context>
<context>
    <name>omview::history::TextFormat</name>
    <message>
        <location filename="../../history/src/textformat.cpp" line="17"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="20"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="23"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="28"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="31"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="35"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="38"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../../history/src/textformat.cpp" line="49"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
</context>
<context>
    <name>omview::procs::ClusterProcessModel</name>
    <message>
        <location filename="../../procs/model/src/clusterprocessmodel.cpp" line="300"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/model/src/clusterprocessmodel.cpp" line="304"/>
        <source>Node %1: %n process(es)</source>
        <translation>
            <numerusform>Knoten %1: %n Prozess</numerusform>
            <numerusform>Knoten %1: %n Prozesse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::JobRunner</name>
    <message>
        <location filename="../../procs/model/src/jobrunner.cpp" line="43"/>
        <source>Not connected to an agent.</source>
        <translation>Mit keinem Agenten verbunden.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/jobrunner.cpp" line="50"/>
        <source>Could not start: %1</source>
        <translation>Start nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/jobrunner.cpp" line="54"/>
        <location filename="../../procs/model/src/jobrunner.cpp" line="87"/>
        <source>The agent&apos;s answer makes no sense: %1</source>
        <translation>Die Antwort des Agenten ergibt keinen Sinn: %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/jobrunner.cpp" line="69"/>
        <source>The connection to the agent is closed; the job runs on.</source>
        <translation>Die Verbindung zum Agenten ist geschlossen; der Job läuft weiter.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/jobrunner.cpp" line="83"/>
        <source>Lost job %1 (PID %2): %3</source>
        <translation>Job %1 (PID %2) verloren: %3</translation>
    </message>
</context>
<context>
    <name>omview::procs::MigrationLogModel</name>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="66"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="76"/>
        <source>Process %1 (%2), at home on node %3</source>
        <translation>Prozess %1 (%2), Heimatknoten %3</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="80"/>
        <source>From node %1 to node %2</source>
        <translation>Von Knoten %1 nach Knoten %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="85"/>
        <source>Under way: %1</source>
        <translation>Unterwegs: %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="87"/>
        <source>How long the process was stopped</source>
        <translation>Wie lange der Prozess angehalten war</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="89"/>
        <source>%1 bytes of image sent</source>
        <translation>%1 Bytes des Abbilds gesendet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="200"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="202"/>
        <source>dumped</source>
        <translation>gesichert</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="204"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="206"/>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="208"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="210"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="216"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="217"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="222"/>
        <source>asked for</source>
        <translation>angefordert</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="224"/>
        <source>load balancing</source>
        <translation>Lastverteilung</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="226"/>
        <source>memory short</source>
        <translation>Speichermangel</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="228"/>
        <source>expelled</source>
        <translation>ausgewiesen</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="230"/>
        <source>brought home</source>
        <translation>heimgeholt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="271"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="338"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="340"/>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="342"/>
        <source>Move</source>
        <translation>Weg</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="344"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="346"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="348"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="350"/>
        <source>Freeze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="352"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="358"/>
        <source>When the move started (the source node&apos;s clock)</source>
        <translation>Wann die Migration begann (nach der Uhr des Ausgangsknotens)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="360"/>
        <source>The node the process left and the node it went to</source>
        <translation>Der Knoten, den der Prozess verlassen hat, und der Knoten, auf den er gewechselt ist</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="362"/>
        <source>The step the move reached, or how it ended</source>
        <translation>Der Schritt, den die Migration erreicht hat, oder wie sie endete</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="364"/>
        <source>How long the move took, from start to end</source>
        <translation>Wie lange die Migration von Anfang bis Ende dauerte</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="366"/>
        <source>How long the process was stopped while it moved</source>
        <translation>Wie lange der Prozess während der Migration angehalten war</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/migrationlogmodel.cpp" line="368"/>
        <source>The size of the process image sent</source>
        <translation>Die Größe des gesendeten Prozessabbilds</translation>
    </message>
</context>
<context>
    <name>omview::procs::MigrationMonitor</name>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="73"/>
        <source>The processes that run away from their home node, each a dot on the node it runs on with a line to its home. Moves are animated as they happen. Drag a process onto another node to move it there; double-click it to send it home.</source>
        <translation>Die Prozesse, die nicht auf ihrem Heimatknoten laufen, jeder als Punkt auf dem Knoten, auf dem er läuft, mit einer Linie zu seinem Heimatknoten. Migrationen werden animiert, während sie geschehen. Ziehen Sie einen Prozess auf einen anderen Knoten, um ihn dorthin zu verschieben; ein Doppelklick darauf holt ihn heim.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="250"/>
        <source>%1 (PID %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="250"/>
        <source>process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="254"/>
        <source>Runs on node %1; its home is node %2.</source>
        <translation>Läuft auf Knoten %1; sein Heimatknoten ist Knoten %2.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="256"/>
        <source>failed (%1)</source>
        <translation>fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="259"/>
        <source>Last move: node %1 → node %2, %3: took %4, stopped %5, %6 sent.</source>
        <translation>Letzte Migration: Knoten %1 → Knoten %2, %3: Dauer %4, angehalten %5, %6 gesendet.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="267"/>
        <source>Drag it onto another node to move it there; double-click to send it home.</source>
        <translation>Ziehen Sie ihn auf einen anderen Knoten, um ihn dorthin zu verschieben; ein Doppelklick holt ihn heim.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="282"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="283"/>
        <source>%n guest(s) run here</source>
        <translation>
            <numerusform>%n Gast läuft hier</numerusform>
            <numerusform>%n Gäste laufen hier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="284"/>
        <source>%n of its processes run elsewhere</source>
        <translation>
            <numerusform>%n seiner Prozesse läuft anderswo</numerusform>
            <numerusform>%n seiner Prozesse laufen anderswo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="286"/>
        <source>%n move(s) under way</source>
        <translation>
            <numerusform>%n Migration läuft</numerusform>
            <numerusform>%n Migrationen laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="298"/>
        <source>No nodes yet: they appear as soon as their processes are known.</source>
        <translation>Noch keine Knoten: Sie erscheinen, sobald ihre Prozesse bekannt sind.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="311"/>
        <source>Drag a process onto a node to move it there; double-click it to send it home.</source>
        <translation>Ziehen Sie einen Prozess auf einen Knoten, um ihn dorthin zu verschieben; ein Doppelklick darauf holt ihn heim.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitor.cpp" line="346"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>omview::procs::MigrationMonitorWindow</name>
    <message>
        <location filename="../../procs/ui/src/migrationmonitorwindow.cpp" line="24"/>
        <source>Migration Monitor</source>
        <translation>Migrationsmonitor</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitorwindow.cpp" line="38"/>
        <source>The recent moves between nodes, the newest first: when each started, the process, where from and where to, why, how it ended, and what it cost. A failed move&apos;s reason is in its tooltip.</source>
        <translation>Die letzten Migrationen zwischen den Knoten, die neueste zuerst: wann sie jeweils begann, der Prozess, woher und wohin, warum, wie sie endete und was sie gekostet hat. Der Grund einer fehlgeschlagenen Migration steht in ihrem Tooltip.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/migrationmonitorwindow.cpp" line="86"/>
        <source>Process %1 was not moved: %2</source>
        <translation>Prozess %1 wurde nicht verschoben: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/processwindows.cpp" line="23"/>
        <source>Migration Monitor — omview</source>
        <translation>Migrationsmonitor — omview</translation>
    </message>
</context>
<context>
    <name>omview::procs::PolicyPage</name>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="341"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="342"/>
        <source>Whether the balancer may move the job, and how it weighs it.</source>
        <translation>Ob der Lastverteiler den Job verschieben darf und wie er ihn gewichtet.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="352"/>
        <source>&amp;May migrate: the balancer moves it where it runs best</source>
        <translation>&amp;Darf migrieren: Der Lastverteiler verschiebt ihn dorthin, wo er am besten läuft</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="354"/>
        <source>The job is unlocked (mosrun -l).</source>
        <translation>Der Job ist nicht gesperrt (mosrun -l).</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="356"/>
        <source>&amp;Never migrate: it stays where it starts</source>
        <translation>&amp;Nie migrieren: Er bleibt, wo er startet</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="356"/>
        <source>The job is locked (mosrun -L).</source>
        <translation>Der Job ist gesperrt (mosrun -L).</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="358"/>
        <source>Locked to its &amp;home: it starts and stays here</source>
        <translation>Auf seinem &amp;Heimatknoten gesperrt: Er startet und bleibt hier</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="359"/>
        <source>The job starts on its home node and is locked there (runhome).</source>
        <translation>Der Job startet auf seinem Heimatknoten und wird dort gesperrt (runhome).</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="360"/>
        <source>Run on the chosen node and &amp;stay there</source>
        <translation>Auf dem gewählten Knoten starten und dort &amp;bleiben</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="361"/>
        <source>The job starts on the node chosen on the Where page and is locked there (runon).</source>
        <translation>Der Job startet auf dem Knoten, der auf der Seite „Startknoten“ gewählt wurde, und wird dort gesperrt (runon).</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="380"/>
        <source>None: the node&apos;s own decay</source>
        <translation>Keines: das Abklingen des Knotens</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="381"/>
        <source>CPU-bound job (cpujob)</source>
        <translation>CPU-lastiger Job (cpujob)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="382"/>
        <source>I/O-bound job (iojob)</source>
        <translation>E/A-lastiger Job (iojob)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="383"/>
        <source>No decay (nodecay)</source>
        <translation>Kein Abklingen (nodecay)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="384"/>
        <source>Slow decay (slowdecay)</source>
        <translation>Langsames Abklingen (slowdecay)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="385"/>
        <source>Fast decay (fastdecay)</source>
        <translation>Schnelles Abklingen (fastdecay)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="386"/>
        <source>How the balancer weighs the job&apos;s use of the CPU over time (/proc/hpc/decay; mosrun -c, -i, -n, -s, -f).</source>
        <translation>Wie der Lastverteiler die CPU-Nutzung des Jobs über die Zeit gewichtet (/proc/hpc/decay; mosrun -c, -i, -n, -s, -f).</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="389"/>
        <source>Job &amp;profile:</source>
        <translation>Job-&amp;Profil:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="404"/>
        <source>To lock the job to its home, choose Home on the Where page.</source>
        <translation>Um den Job auf seinem Heimatknoten zu sperren, wählen Sie auf der Seite „Startknoten“ die Option „Heimatknoten“.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="405"/>
        <source>To run on a node and stay there, choose the node on the Where page.</source>
        <translation>Um auf einem Knoten zu laufen und dort zu bleiben, wählen Sie den Knoten auf der Seite „Startknoten“.</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessActions</name>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="36"/>
        <source>&amp;Migrate To</source>
        <translation>&amp;Migrieren nach</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="37"/>
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="38"/>
        <source>&lt;p&gt;Everything known about the process, and what can be done with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Alles, was über den Prozess bekannt ist, und was sich mit ihm tun lässt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="41"/>
        <source>&amp;Best Node</source>
        <translation>&amp;Bester Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="42"/>
        <source>&lt;p&gt;Moves the processes to the node the balancer finds best for them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verschiebt die Prozesse auf den Knoten, den der Lastverteiler für sie am besten findet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="45"/>
        <source>&amp;Home Node</source>
        <translation>&amp;Heimatknoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="46"/>
        <source>&lt;p&gt;Brings the processes back to the node they started on.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Holt die Prozesse auf den Knoten zurück, auf dem sie gestartet wurden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="49"/>
        <source>&amp;Terminate…</source>
        <translation>&amp;Beenden…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="50"/>
        <source>&lt;p&gt;Asks the processes to end (SIGTERM).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fordert die Prozesse auf, sich zu beenden (SIGTERM).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="51"/>
        <source>&amp;Kill…</source>
        <translation>&amp;Abwürgen…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="52"/>
        <source>&lt;p&gt;Ends the processes at once (SIGKILL); they cannot save anything.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Beendet die Prozesse sofort (SIGKILL); sie können nichts mehr speichern.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="55"/>
        <source>&amp;Stop…</source>
        <translation>Anha&amp;lten…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="56"/>
        <source>&lt;p&gt;Stops the processes (SIGSTOP) until they are continued.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hält die Prozesse an (SIGSTOP), bis sie fortgesetzt werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="57"/>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="58"/>
        <source>&lt;p&gt;Lets stopped processes run again (SIGCONT).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lässt angehaltene Prozesse weiterlaufen (SIGCONT).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="59"/>
        <source>&amp;Renice…</source>
        <translation>&amp;Nice-Wert ändern…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="60"/>
        <source>&lt;p&gt;Sets the nice value of the processes: from −20 (first in line for the CPU) to 19 (last).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Setzt den Nice-Wert der Prozesse: von −20 (als Erste an der Reihe für die CPU) bis 19 (als Letzte).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="62"/>
        <source>&amp;Lock to Node</source>
        <translation>Auf dem Knoten s&amp;perren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="63"/>
        <source>&lt;p&gt;Keeps the processes on the node they run on: the balancer leaves them alone.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hält die Prozesse auf dem Knoten, auf dem sie laufen: Der Lastverteiler lässt sie, wo sie sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="65"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="66"/>
        <source>&lt;p&gt;Lets the balancer move the processes again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Erlaubt dem Lastverteiler wieder, die Prozesse zu verschieben.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="136"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/processactions.cpp" line="151"/>
        <location filename="../../procs/ui/src/processactions.cpp" line="197"/>
        <source>%n processes</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="154"/>
        <source>Terminate %1?</source>
        <translation>%1 beenden?</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="157"/>
        <source>Kill %1? It ends at once and cannot save its work.</source>
        <translation>%1 abwürgen? Das Beenden geschieht sofort, ungespeicherte Arbeit geht verloren.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="160"/>
        <source>Stop %1? It does nothing until it is continued.</source>
        <translation>%1 anhalten? Die Ausführung ruht, bis sie fortgesetzt wird.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="194"/>
        <source>Renice</source>
        <translation>Nice-Wert ändern</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processactions.cpp" line="195"/>
        <source>Nice value for %1 (−20 … 19):</source>
        <translation>Nice-Wert für %1 (−20 … 19):</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessCommands</name>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="17"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="67"/>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="68"/>
        <source>process %1 (%2)</source>
        <translation>Prozess %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="74"/>
        <source>Terminate</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="76"/>
        <source>Kill</source>
        <translation>Abwürgen</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="78"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="80"/>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="90"/>
        <source>its home node</source>
        <translation>seinen Heimatknoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="92"/>
        <source>the best node</source>
        <translation>den besten Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="133"/>
        <source>Cannot move %1: not connected.</source>
        <translation>%1 kann nicht verschoben werden: nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="142"/>
        <source>Could not move %1 to %2: %3 It still runs on %4.</source>
        <translation>%1 konnte nicht auf %2 verschoben werden: %3 Er läuft weiter auf %4.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="149"/>
        <source>Moved %1 to node %2 in %3 s (%4).</source>
        <translation>%1 in %3 s auf Knoten %2 verschoben (%4).</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="160"/>
        <source>Cannot change the lock of %1: not connected.</source>
        <translation>Die Sperre von %1 kann nicht geändert werden: nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="167"/>
        <source>Could not change the lock of %1: %2</source>
        <translation>Die Sperre von %1 konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="171"/>
        <source>Locked %1 to %2.</source>
        <translation>%1 auf %2 gesperrt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="174"/>
        <source>Unlocked %1: it may migrate.</source>
        <translation>%1 entsperrt: Er darf migrieren.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="183"/>
        <source>%1 %2: not connected.</source>
        <translation>%1 von %2: nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="186"/>
        <source>%1 %2: it runs on %3, which does not list it yet.</source>
        <translation>%1 von %2: Er läuft auf %3, der ihn noch nicht aufführt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="192"/>
        <source>%1 %2 failed: %3</source>
        <translation>%1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="197"/>
        <source>%1 %2: done.</source>
        <translation>%1 von %2: erledigt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="204"/>
        <source>Cannot renice %1 to %2: the nice value must be −20 … 19.</source>
        <translation>Der Nice-Wert von %1 kann nicht auf %2 gesetzt werden: Er muss im Bereich −20 … 19 liegen.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="208"/>
        <source>Cannot renice %1: not connected.</source>
        <translation>Der Nice-Wert von %1 kann nicht geändert werden: nicht verbunden.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="211"/>
        <source>Cannot renice %1: it runs on %2, which does not list it yet.</source>
        <translation>Der Nice-Wert von %1 kann nicht geändert werden: Er läuft auf %2, der ihn noch nicht aufführt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="217"/>
        <source>Could not renice %1: %2</source>
        <translation>Der Nice-Wert von %1 konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processcommands.cpp" line="222"/>
        <source>Reniced %1 to %2.</source>
        <translation>Nice-Wert von %1 auf %2 gesetzt.</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessDetailsDialog</name>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="54"/>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrieren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="56"/>
        <source>&amp;Renice</source>
        <translation>Nice-Wert &amp;setzen</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="69"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="71"/>
        <source>Parent PID:</source>
        <translation>Eltern-PID:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="73"/>
        <source>Command line:</source>
        <translation>Befehlszeile:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="75"/>
        <source>CPU time:</source>
        <translation>CPU-Zeit:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="77"/>
        <source>Terminal:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="78"/>
        <source>Started:</source>
        <translation>Gestartet:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="79"/>
        <source>Where:</source>
        <translation>Ort:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="80"/>
        <source>Migration:</source>
        <translation>Migration:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="83"/>
        <source>&lt;p&gt;Where &lt;b&gt;Migrate&lt;/b&gt; moves the process: the node the balancer finds best, its home node, or a node of your choice.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wohin &lt;b&gt;Migrieren&lt;/b&gt; den Prozess verschiebt: auf den Knoten, den der Lastverteiler am besten findet, auf seinen Heimatknoten oder auf einen Knoten Ihrer Wahl.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="92"/>
        <source>&lt;p&gt;The nice value to give the process: −20 puts it first in line for the CPU, 19 last. Lowering it needs root.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Nice-Wert, den der Prozess erhalten soll: Mit −20 kommt er als Erster an die CPU, mit 19 als Letzter. Zum Senken sind Root-Rechte nötig.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="87"/>
        <source>&lt;p&gt;Moves the process to the node chosen next to it. It stops for the move and runs on there; if the move fails it runs on where it was, and the reason is shown below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Migriert den Prozess auf den daneben gewählten Knoten. Er hält für die Migration an und läuft dort weiter; schlägt sie fehl, läuft er weiter, wo er war, und der Grund steht darunter.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="95"/>
        <source>&lt;p&gt;Gives the process the nice value next to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gibt dem Prozess den daneben eingestellten Nice-Wert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="97"/>
        <source>&lt;p&gt;Locks the process to the node it runs on, so that the balancer leaves it there, or unlocks it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sperrt den Prozess auf dem Knoten, auf dem er läuft, sodass der Lastverteiler ihn dort lässt, oder entsperrt ihn.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="102"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="108"/>
        <source>Migrate to:</source>
        <translation>Migrieren nach:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="114"/>
        <source>&lt;p&gt;Sends the process SIG%1. Terminate asks it to end, Kill ends it at once, Stop halts it until Continue.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sendet dem Prozess SIG%1. „Beenden“ fordert ihn auf, sich zu beenden, „Abwürgen“ beendet ihn sofort, „Anhalten“ hält ihn bis „Fortsetzen“ an.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="121"/>
        <source>Signal:</source>
        <translation>Signal:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="126"/>
        <source>Nice value:</source>
        <translation>Nice-Wert:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="131"/>
        <source>&lt;p&gt;Closes this window. The process is not touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt dieses Fenster. Der Prozess bleibt unberührt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="174"/>
        <source>Best node</source>
        <translation>Bester Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="175"/>
        <source>Home node</source>
        <translation>Heimatknoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="177"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="186"/>
        <source>%1 — Process Details</source>
        <translation>%1 — Prozessdetails</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="190"/>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="191"/>
        <source>The process has ended.</source>
        <translation>Der Prozess ist beendet.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="204"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="206"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="208"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="212"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="220"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="220"/>
        <source>&amp;Lock to Node</source>
        <translation>Auf dem Knoten s&amp;perren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processdetailsdialog.cpp" line="264"/>
        <source>Moving %1 to %2…</source>
        <translation>%1 wird auf %2 verschoben…</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessFormat</name>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="20"/>
        <source>%1 (PID %2)</source>
        <translation>%1 (PID %2)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="24"/>
        <source>this node</source>
        <translation>dieser Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="24"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="31"/>
        <source>%1 has migrated: it runs on node %2, away from its home, %3</source>
        <translation>%1 ist migriert: Er läuft auf Knoten %2, nicht auf seinem Heimatknoten (%3)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="34"/>
        <source>%1 is a guest: it runs here, on %2; its home is %3</source>
        <translation>%1 ist ein Gastprozess: Er läuft hier (%2); sein Heimatknoten ist %3</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="36"/>
        <source>%1 runs at home, on %2</source>
        <translation>%1 läuft auf seinem Heimatknoten (%2)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="41"/>
        <source>%1 can migrate</source>
        <translation>%1 kann migrieren</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="42"/>
        <source>%1 cannot migrate:</source>
        <translation>%1 kann nicht migrieren:</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="44"/>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="49"/>
        <source>PID %1, child of %2</source>
        <translation>PID %1, Kindprozess von %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="50"/>
        <source>No controlling terminal</source>
        <translation>Kein steuerndes Terminal</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="51"/>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="53"/>
        <source>Started %1</source>
        <translation>Gestartet am %1</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="76"/>
        <source>running</source>
        <translation>laufend</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="78"/>
        <source>sleeping</source>
        <translation>schlafend</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="80"/>
        <source>waiting for I/O</source>
        <translation>wartet auf E/A</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="82"/>
        <source>zombie</source>
        <translation>Zombie</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="84"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="86"/>
        <source>stopped by a debugger</source>
        <translation>von einem Debugger angehalten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="88"/>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="90"/>
        <source>dead</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="92"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="97"/>
        <source>%1 %</source>
        <comment>CPU</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="103"/>
        <location filename="../../procs/model/src/processformat.cpp" line="106"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="118"/>
        <source>it is a kernel thread or init</source>
        <translation>er ist ein Kernel-Thread oder init</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="119"/>
        <source>it shares its memory with other tasks (threads)</source>
        <translation>er teilt seinen Speicher mit anderen Tasks (Threads)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="120"/>
        <source>it has locked memory (mlock)</source>
        <translation>er hat gesperrten Speicher (mlock)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="121"/>
        <source>it runs with a real-time scheduling policy</source>
        <translation>er läuft mit einer Echtzeit-Scheduling-Richtlinie</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="122"/>
        <source>it is locked to its node</source>
        <translation>er ist gesperrt und bleibt auf seinem Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="123"/>
        <source>it has a network socket open</source>
        <translation>er hat einen Netzwerk-Socket geöffnet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="124"/>
        <source>it uses a terminal</source>
        <translation>er verwendet ein Terminal</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="125"/>
        <source>it has a device open</source>
        <translation>er hat ein Gerät geöffnet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="126"/>
        <source>it holds a deleted file open</source>
        <translation>er hält eine gelöschte Datei geöffnet</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="127"/>
        <source>it holds a kernel object that cannot be carried over</source>
        <translation>er hält ein Kernel-Objekt, das sich nicht übertragen lässt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="128"/>
        <source>it uses System V shared memory</source>
        <translation>er nutzt gemeinsamen System-V-Speicher</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="129"/>
        <source>it has files open on a mount it cannot see</source>
        <translation>er hat Dateien auf einem eingehängten Dateisystem geöffnet, das er nicht sieht</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="133"/>
        <source>%1: %2</source>
        <comment>a cantmove word: what it means</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="159"/>
        <source>home</source>
        <comment>where a process runs: on its home node</comment>
        <translation>Heimat</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="160"/>
        <location filename="../../procs/model/src/processformat.cpp" line="164"/>
        <source>here</source>
        <translation>hier</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="169"/>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="184"/>
        <source>User ID %1 (no user name known)</source>
        <translation>Benutzer-ID %1 (kein Benutzername bekannt)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="185"/>
        <source>User %1 (ID %2)</source>
        <translation>Benutzer %1 (ID %2)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="189"/>
        <source>%1
No command line (a kernel thread)</source>
        <translation>%1
Keine Befehlszeile (ein Kernel-Thread)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="190"/>
        <source>%1
Command line: %2</source>
        <translation>%1
Befehlszeile: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="193"/>
        <source>State %1: %2</source>
        <translation>Zustand %1: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="196"/>
        <source>%1 of one CPU over the last interval
CPU time so far: %2</source>
        <translation>%1 einer CPU im letzten Intervall
Bisherige CPU-Zeit: %2</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="200"/>
        <source>Resident memory %1 (%2 bytes)</source>
        <translation>Residenter Speicher %1 (%2 Bytes)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="204"/>
        <source>Nice %1 (from −20, the most CPU, to 19, the least)</source>
        <translation>Nice %1 (von −20, am meisten CPU, bis 19, am wenigsten)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="210"/>
        <source>%1 started on its home, %2, and goes back there when sent home</source>
        <translation>%1 wurde auf seinem Heimatknoten (%2) gestartet und kehrt dorthin zurück, wenn er heimgeholt wird</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/model/src/processformat.cpp" line="214"/>
        <source>%1 has migrated %n time(s)</source>
        <translation>
            <numerusform>%1 ist %n-mal migriert</numerusform>
            <numerusform>%1 ist %n-mal migriert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="217"/>
        <source>%1 is locked to its node: it is not moved unless asked to</source>
        <translation>%1 ist gesperrt: Er wechselt den Knoten nur auf Anforderung</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="219"/>
        <source>%1 is not locked: the balancer may move it</source>
        <translation>%1 ist nicht gesperrt: Der Lastverteiler darf ihn verschieben</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="271"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="272"/>
        <source>Process ID on the node reporting it</source>
        <translation>Prozess-ID auf dem meldenden Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="273"/>
        <source>The process ID on the node that reports the process. A guest has the PID of the node it runs on; a migrated process is listed by its home node with its PID there.</source>
        <translation>Die Prozess-ID auf dem Knoten, der den Prozess meldet. Ein Gastprozess hat die PID des Knotens, auf dem er läuft; ein migrierter Prozess wird von seinem Heimatknoten mit der dortigen PID geführt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="276"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="277"/>
        <source>The user the process runs as</source>
        <translation>Der Benutzer, unter dem der Prozess läuft</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="278"/>
        <source>The user name of the process&apos;s real user ID, or the ID when the node knows no name for it.</source>
        <translation>Der Benutzername zur realen Benutzer-ID des Prozesses oder die ID, wenn der Knoten keinen Namen dafür kennt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="280"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="281"/>
        <source>The command; its tooltip shows the command line</source>
        <translation>Der Befehl; sein Tooltip zeigt die Befehlszeile</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="282"/>
        <source>The name of the program (comm). The tooltip shows the whole command line.</source>
        <translation>Der Name des Programms (comm). Der Tooltip zeigt die vollständige Befehlszeile.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="284"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="285"/>
        <source>R running, S sleeping, D waiting for I/O, Z zombie, T stopped</source>
        <translation>R laufend, S schlafend, D wartet auf E/A, Z Zombie, T angehalten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="286"/>
        <source>The scheduler state of the process as /proc shows it: R running, S sleeping, D waiting for I/O, Z zombie, T stopped, I idle.</source>
        <translation>Der Scheduler-Zustand des Prozesses, wie /proc ihn zeigt: R laufend, S schlafend, D wartet auf E/A, Z Zombie, T angehalten, I untätig.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="288"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="289"/>
        <source>Share of one CPU over the last interval</source>
        <translation>Anteil einer CPU im letzten Intervall</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="290"/>
        <source>How much of one CPU the process used over the last sampling interval; a process with several threads can use more than 100 %. The tooltip adds the CPU time so far.</source>
        <translation>Wie viel einer CPU der Prozess im letzten Messintervall genutzt hat; ein Prozess mit mehreren Threads kann mehr als 100 % nutzen. Der Tooltip zeigt zusätzlich die bisherige CPU-Zeit.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="293"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="294"/>
        <source>Resident memory</source>
        <translation>Residenter Speicher</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="295"/>
        <source>The memory of the process held in RAM (its resident set size).</source>
        <translation>Der im RAM gehaltene Speicher des Prozesses (seine Resident Set Size).</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="296"/>
        <source>Nice</source>
        <translation>Nice</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="297"/>
        <source>Scheduling priority, −20 (most CPU) to 19 (least)</source>
        <translation>Scheduling-Priorität, −20 (meiste CPU) bis 19 (wenigste)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="298"/>
        <source>The nice value: from −20, the process gets the most CPU, to 19, the least. Only the administrator can lower it.</source>
        <translation>Der Nice-Wert: Bei −20 erhält der Prozess am meisten CPU, bei 19 am wenigsten. Nur der Administrator kann ihn senken.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="300"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="301"/>
        <source>Where the process runs; &quot;home&quot; on its home node</source>
        <translation>Wo der Prozess läuft; „Heimat“ auf seinem Heimatknoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="302"/>
        <source>The node the process runs on: &quot;home&quot; while it runs on its home node, the node&apos;s number when it has migrated or is a guest here. The tooltip says which.</source>
        <translation>Der Knoten, auf dem der Prozess läuft: „Heimat“, solange er auf seinem Heimatknoten läuft, die Nummer des Knotens, wenn er migriert ist oder hier Gast ist. Der Tooltip sagt, welcher Fall vorliegt.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="305"/>
        <source>Home</source>
        <translation>Heimat</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="306"/>
        <source>The node the process started on</source>
        <translation>Der Knoten, auf dem der Prozess gestartet wurde</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="307"/>
        <source>The home node: where the process started and where it goes back when sent home.</source>
        <translation>Der Heimatknoten: wo der Prozess gestartet wurde und wohin er zurückkehrt, wenn er heimgeholt wird.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="309"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="310"/>
        <source>How often the process has migrated</source>
        <translation>Wie oft der Prozess migriert ist</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="311"/>
        <source>The number of times the process has moved between nodes.</source>
        <translation>Wie oft der Prozess zwischen Knoten gewechselt ist.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="312"/>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="313"/>
        <source>Locked processes stay on their node</source>
        <translation>Gesperrte Prozesse bleiben auf ihrem Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="314"/>
        <source>A locked process is not moved by the load balancer; it moves only when asked to. Lock or unlock it in its details.</source>
        <translation>Ein gesperrter Prozess wird vom Lastverteiler nicht verschoben; er wechselt nur auf Anforderung. Sperren oder entsperren Sie ihn in seinen Details.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="316"/>
        <source>Can&apos;t move</source>
        <translation>Nicht migrierbar</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="317"/>
        <source>Why the process cannot migrate</source>
        <translation>Warum der Prozess nicht migrieren kann</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/processformat.cpp" line="318"/>
        <source>What keeps the process on its node: threads sharing memory, locked memory, sockets, terminals, devices and the like. Empty when it can migrate.</source>
        <translation>Was den Prozess auf seinem Knoten hält: Threads mit gemeinsamem Speicher, gesperrter Speicher, Sockets, Terminals, Geräte und dergleichen. Leer, wenn er migrieren kann.</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessesPane</name>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="38"/>
        <source>&lt;p&gt;Lists the processes of every node, of the nodes selected in the nodes pane, or of one node.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt die Prozesse aller Knoten, der in der Knotenliste ausgewählten Knoten oder eines einzelnen Knotens.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="44"/>
        <source>Filter processes</source>
        <translation>Prozesse filtern</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="46"/>
        <source>&lt;p&gt;Keeps only the processes whose PID, user, command or command line contains this text.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt nur die Prozesse, deren PID, Benutzer, Befehl oder Befehlszeile diesen Text enthält.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="49"/>
        <source>&lt;p&gt;Shows the processes of every user, or of the one chosen.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zeigt die Prozesse aller Benutzer oder nur die des gewählten.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="50"/>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="66"/>
        <source>&lt;p&gt;The columns of the processes pane. Click a header to sort the processes by it, drag it to move the column, drag its edge to resize it; its context menu shows and hides columns.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Spalten der Prozessliste. Klicken Sie auf eine Überschrift, um die Prozesse danach zu sortieren, ziehen Sie sie, um die Spalte zu verschieben, und ziehen Sie ihren Rand, um die Breite zu ändern; ihr Kontextmenü blendet Spalten aus oder ein.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="80"/>
        <source>&lt;p&gt;The processes of the cluster, one row each. &lt;b&gt;Node&lt;/b&gt; says where a process runs: &lt;i&gt;home&lt;/i&gt; on the node it started on, else the node it migrated to. A guest is listed by the node it runs on, with its home node.&lt;/p&gt;&lt;p&gt;Marks beside the PID: an arrow leaving for a process that migrated away, an arrow arriving for a guest, a padlock for a process locked to its node, a barred circle for one that cannot migrate (the Can&apos;t move column says why).&lt;/p&gt;&lt;p&gt;Double-click a process for its details; the context menu migrates, signals, renices and locks the selected ones; drag them onto a node above to migrate them there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Prozesse des Clusters, einer pro Zeile. &lt;b&gt;Knoten&lt;/b&gt; sagt, wo ein Prozess läuft: &lt;i&gt;Heimat&lt;/i&gt; auf dem Knoten, auf dem er gestartet wurde, sonst der Knoten, auf den er migriert ist. Ein Gast wird von dem Knoten geführt, auf dem er läuft, mit seinem Heimatknoten.&lt;/p&gt;&lt;p&gt;Zeichen neben der PID: ein abgehender Pfeil für einen weggezogenen Prozess, ein ankommender Pfeil für einen Gast, ein Vorhängeschloss für einen an seinen Knoten gesperrten Prozess, ein durchgestrichener Kreis für einen, der nicht migrieren kann (die Spalte „Nicht migrierbar“ sagt, warum).&lt;/p&gt;&lt;p&gt;Doppelklicken Sie auf einen Prozess für seine Details; das Kontextmenü migriert, signalisiert, ändert den Nice-Wert und sperrt die gewählten; ziehen Sie sie auf einen Knoten oben, um sie dorthin zu migrieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="218"/>
        <source>&lt;p&gt;Shows or hides the column %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Blendet die Spalte %1 ein oder aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="93"/>
        <source>Processes</source>
        <translation>Prozesse</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="136"/>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="138"/>
        <source>Selected nodes</source>
        <translation>Ausgewählte Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/processespane.cpp" line="140"/>
        <location filename="../../procs/ui/src/processespane.cpp" line="144"/>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
</context>
<context>
    <name>omview::procs::ProgramPage</name>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="52"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="53"/>
        <source>What to run, with which arguments, in which directory and environment. The job&apos;s home is the node the console is connected to.</source>
        <translation>Was ausgeführt wird, mit welchen Argumenten, in welchem Verzeichnis und in welcher Umgebung. Der Heimatknoten des Jobs ist der Knoten, mit dem die Konsole verbunden ist.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="66"/>
        <source>/usr/bin/povray, or a name found in PATH</source>
        <translation>/usr/bin/povray oder ein Name, der im PATH gefunden wird</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="67"/>
        <source>The program to run: a path on the home node, or a name that the PATH below finds. The list holds the programs run last.</source>
        <translation>Das auszuführende Programm: ein Pfad auf dem Heimatknoten oder ein Name, den der PATH unten findet. Die Liste enthält die zuletzt ausgeführten Programme.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="69"/>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="87"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="71"/>
        <source>Chooses the program among this computer&apos;s files.</source>
        <translation>Wählt das Programm unter den Dateien dieses Rechners aus.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="78"/>
        <source>-o &quot;frame 1.png&quot; scene.pov</source>
        <translation>-o &quot;frame 1.png&quot; scene.pov</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="79"/>
        <source>The program&apos;s arguments on one line, split into words as a shell would, with nothing expanded: quote an argument that holds spaces with &apos; or &quot;.</source>
        <translation>Die Argumente des Programms in einer Zeile, wie von einer Shell in Wörter zerlegt, aber ohne jede Expansion: Setzen Sie ein Argument, das Leerzeichen enthält, in &apos; oder &quot;.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="85"/>
        <source>The directory the job starts in: an absolute path that exists on the node it starts on.</source>
        <translation>Das Verzeichnis, in dem der Job startet: ein absoluter Pfad, der auf dem Startknoten existiert.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="89"/>
        <source>Chooses the directory among this computer&apos;s directories.</source>
        <translation>Wählt das Verzeichnis unter den Verzeichnissen dieses Rechners aus.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="100"/>
        <source>The job&apos;s whole environment, one NAME=value per line. The console&apos;s own environment is not passed on: it belongs to this desktop, not to the node the job runs on.</source>
        <translation>Die gesamte Umgebung des Jobs, ein NAME=Wert pro Zeile. Die Umgebung der Konsole wird nicht weitergegeben: Sie gehört zu diesem Desktop, nicht zu dem Knoten, auf dem der Job läuft.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="103"/>
        <source>Inherit PATH, HOME, LANG</source>
        <translation>PATH, HOME, LANG übernehmen</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="105"/>
        <source>Sets the environment to the console&apos;s PATH, HOME and LANG.</source>
        <translation>Setzt die Umgebung auf PATH, HOME und LANG der Konsole.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="119"/>
        <source>&amp;Program:</source>
        <translation>&amp;Programm:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="120"/>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumente:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="121"/>
        <source>&amp;Directory:</source>
        <translation>&amp;Verzeichnis:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="122"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="175"/>
        <source>Program to Run</source>
        <translation>Auszuführendes Programm</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="183"/>
        <source>Working Directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
</context>
<context>
    <name>omview::procs::RemoteProcessesDialog</name>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="38"/>
        <source>Send &amp;Home</source>
        <translation>&amp;Heimschicken</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="39"/>
        <source>Send to &amp;Best Node</source>
        <translation>Auf &amp;besten Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="40"/>
        <source>&amp;All Home</source>
        <translation>&amp;Alle heim</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="41"/>
        <source>All to B&amp;est Nodes</source>
        <translation>Alle auf b&amp;este Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="43"/>
        <source>Remote Processes on Node %1</source>
        <translation>Entfernte Prozesse auf Knoten %1</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="63"/>
        <source>&lt;p&gt;The guests of node %1: processes whose home is another node and that migrated here. &lt;b&gt;Home&lt;/b&gt; is the node they came from.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Gäste von Knoten %1: Prozesse, deren Heimat ein anderer Knoten ist und die hierher migriert sind. &lt;b&gt;Heimat&lt;/b&gt; ist der Knoten, von dem sie kamen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="68"/>
        <source>&lt;p&gt;Sends the selected guests back to their home nodes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schickt die gewählten Gäste zu ihren Heimatknoten zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="71"/>
        <source>&lt;p&gt;Moves the selected guests to the node the balancer finds best for each.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Migriert die gewählten Gäste jeweils auf den Knoten, den der Lastverteiler für am besten hält.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="73"/>
        <source>&lt;p&gt;Sends every guest of this node back to its home node.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schickt jeden Gast dieses Knotens zu seinem Heimatknoten zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="76"/>
        <source>&lt;p&gt;Moves every guest of this node to the node the balancer finds best for it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Migriert jeden Gast dieses Knotens auf den Knoten, den der Lastverteiler für ihn am besten hält.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="92"/>
        <source>&lt;p&gt;Closes this window. The guests are not touched.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Schließt dieses Fenster. Die Gäste bleiben unberührt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="125"/>
        <source>Node %1 runs no guest.</source>
        <translation>Auf Knoten %1 läuft kein Gast.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/remoteprocessesdialog.cpp" line="126"/>
        <source>Node %1 runs %n guest(s).</source>
        <translation>
            <numerusform>Auf Knoten %1 läuft %n Gast.</numerusform>
            <numerusform>Auf Knoten %1 laufen %n Gäste.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::ReviewPage</name>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="31"/>
        <source>home (node %1)</source>
        <translation>Heimatknoten (Knoten %1)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="31"/>
        <source>home</source>
        <translation>Heimatknoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="34"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="36"/>
        <source>%n instance(s), one on each of nodes %1</source>
        <translation>
            <numerusform>%n Instanz auf Knoten %1</numerusform>
            <numerusform>%n Instanzen, je eine auf den Knoten %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="43"/>
        <source>the least loaded node</source>
        <translation>der am wenigsten ausgelastete Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="49"/>
        <source>may migrate</source>
        <translation>darf migrieren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="51"/>
        <source>never migrates</source>
        <translation>migriert nie</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="53"/>
        <source>locked to its home</source>
        <translation>auf seinem Heimatknoten gesperrt</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="55"/>
        <source>stays on the node it starts on</source>
        <translation>bleibt auf seinem Startknoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="76"/>
        <source>Review</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="77"/>
        <source>What will run. Run starts it; the wizard then shows its output.</source>
        <translation>Was ausgeführt wird. „Ausführen“ startet es; der Assistent zeigt dann seine Ausgabe.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="80"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="94"/>
        <source>The shell command that starts the same job with mosrun on the home node, in the same directory and environment.</source>
        <translation>Der Shell-Befehl, der denselben Job mit mosrun auf dem Heimatknoten startet, im selben Verzeichnis und mit derselben Umgebung.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="96"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="98"/>
        <source>Copies the mosrun command to the clipboard.</source>
        <translation>Kopiert den mosrun-Befehl in die Zwischenablage.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="110"/>
        <source>The same with mosrun:</source>
        <translation>Dasselbe mit mosrun:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="122"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="132"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="133"/>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="133"/>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="134"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="134"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="135"/>
        <source>Starts on</source>
        <translation>Startet auf</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="136"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="137"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
</context>
<context>
    <name>omview::procs::RunPage</name>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="62"/>
        <source>signal %1</source>
        <translation>Signal %1</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="155"/>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="156"/>
        <source>Where each job started, what it writes and how it ends. Closing the wizard leaves the jobs running.</source>
        <translation>Wo jeder Job gestartet wurde, was er ausgibt und wie er endet. Wenn Sie den Assistenten schließen, laufen die Jobs weiter.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="162"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="162"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="162"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="162"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="164"/>
        <source>One row per job started: the node it runs on, its PID on its home node, its job ID, and how it is doing.</source>
        <translation>Eine Zeile je gestartetem Job: der Knoten, auf dem er läuft, seine PID auf dem Heimatknoten, seine Job-ID und sein Zustand.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="171"/>
        <source>What the jobs write: standard error in another colour. With several jobs each line starts with its node.</source>
        <translation>Was die Jobs ausgeben: die Standardfehlerausgabe in einer anderen Farbe. Bei mehreren Jobs beginnt jede Zeile mit ihrem Knoten.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="176"/>
        <source>&amp;Stop</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="179"/>
        <source>Sends SIGTERM to every job still running, wherever it runs.</source>
        <translation>Sendet SIGTERM an jeden noch laufenden Job, wo immer er läuft.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="208"/>
        <source>best</source>
        <translation>bester</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="210"/>
        <source>home</source>
        <translation>Heimat</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="211"/>
        <source>starting…</source>
        <translation>startet…</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="221"/>
        <source>running</source>
        <translation>laufend</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="230"/>
        <source>[job %1 moved to node %2]</source>
        <translation>[Job %1 auf Knoten %2 verschoben]</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="239"/>
        <source>ended by %1</source>
        <translation>beendet durch %1</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="240"/>
        <source>exited with status %1</source>
        <translation>mit Status %1 beendet</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="243"/>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="253"/>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="289"/>
        <source>[node %1] </source>
        <translation>[Knoten %1] </translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="249"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="349"/>
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n Job läuft</numerusform>
            <numerusform>%n Jobs laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="351"/>
        <source>%n ended</source>
        <translation>
            <numerusform>%n beendet</numerusform>
            <numerusform>%n beendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../procs/ui/src/runprogramrun.cpp" line="353"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::RunProgramWizard</name>
    <message>
        <location filename="../../procs/ui/src/runprogramwizard.cpp" line="15"/>
        <source>Run Program</source>
        <translation>Programm ausführen</translation>
    </message>
</context>
<context>
    <name>omview::procs::RunRequest</name>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="17"/>
        <source>&apos;%1&apos; lacks a node ID</source>
        <translation>In „%1“ fehlt eine Knoten-ID</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="20"/>
        <source>&apos;%1&apos; is not a node ID (1 to 65535)</source>
        <translation>„%1“ ist keine Knoten-ID (1 bis 65535)</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="71"/>
        <source>Name the program to run.</source>
        <translation>Geben Sie das auszuführende Programm an.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="73"/>
        <source>The working directory must be an absolute path.</source>
        <translation>Das Arbeitsverzeichnis muss ein absoluter Pfad sein.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="79"/>
        <source>Choose the node to run on.</source>
        <translation>Wählen Sie den Knoten, auf dem das Programm laufen soll.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="81"/>
        <source>List the nodes to run on.</source>
        <translation>Geben Sie die Knoten an, auf denen das Programm laufen soll.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="83"/>
        <source>At most %1 instances can start at once.</source>
        <translation>Höchstens %1 Instanzen können gleichzeitig starten.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="85"/>
        <source>To stay on a node, choose the node (or nodes) to run on.</source>
        <translation>Um auf einem Knoten zu bleiben, wählen Sie den Knoten (oder die Knoten), auf dem das Programm laufen soll.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="87"/>
        <source>A job locked to its home runs here, not on the nodes chosen.</source>
        <translation>Ein auf seinem Heimatknoten gesperrter Job läuft hier, nicht auf den gewählten Knoten.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="151"/>
        <source>List one node or more, such as 2-4,7.</source>
        <translation>Geben Sie einen oder mehrere Knoten an, etwa 2-4,7.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="155"/>
        <source>An empty entry between commas.</source>
        <translation>Ein leerer Eintrag zwischen Kommas.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="169"/>
        <source>&apos;%1&apos; is not a range: it ends before it starts</source>
        <translation>„%1“ ist kein Bereich: Er endet, bevor er beginnt</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="171"/>
        <source>&apos;%1&apos; names more than %2 nodes</source>
        <translation>„%1“ nennt mehr als %2 Knoten</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="179"/>
        <source>More than %1 nodes listed.</source>
        <translation>Mehr als %1 Knoten angegeben.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="205"/>
        <source>&apos;%1&apos; is not NAME=value.</source>
        <translation>„%1“ hat nicht die Form NAME=Wert.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="207"/>
        <source>&apos;%1&apos; is not a variable name.</source>
        <translation>„%1“ ist kein Variablenname.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="209"/>
        <source>&apos;%1&apos; holds a NUL character.</source>
        <translation>„%1“ enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="246"/>
        <source>The arguments end in a backslash.</source>
        <translation>Die Argumente enden mit einem Backslash.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="251"/>
        <source>A &apos; quote in the arguments is not closed.</source>
        <translation>Ein einfaches Anführungszeichen (&apos;) in den Argumenten wird nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../../procs/model/src/runrequest.cpp" line="258"/>
        <source>A &quot; quote in the arguments is not closed.</source>
        <translation>Ein doppeltes Anführungszeichen (&quot;) in den Argumenten wird nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>omview::procs::WherePage</name>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="194"/>
        <source>Where</source>
        <translation>Startknoten</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="195"/>
        <source>The node the job starts on. Unless it is locked (next page), the balancer may move it later.</source>
        <translation>Der Knoten, auf dem der Job startet. Sofern er nicht gesperrt ist (nächste Seite), kann der Lastverteiler ihn später verschieben.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="198"/>
        <source>The &amp;best node: the least loaded that takes guests</source>
        <translation>Der &amp;beste Knoten: der am wenigsten ausgelastete, der Gäste annimmt</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="200"/>
        <source>The agents start the job on the least loaded node.</source>
        <translation>Die Agenten starten den Job auf dem am wenigsten ausgelasteten Knoten.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="201"/>
        <source>A &amp;chosen node:</source>
        <translation>Ein &amp;gewählter Knoten:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="203"/>
        <source>Starts the job on the node chosen.</source>
        <translation>Startet den Job auf dem gewählten Knoten.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="206"/>
        <source>The node to start the job on.</source>
        <translation>Der Knoten, auf dem der Job starten soll.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="209"/>
        <source>Starts the job on its home: the node the console is connected to.</source>
        <translation>Startet den Job auf seinem Heimatknoten: dem Knoten, mit dem die Konsole verbunden ist.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="210"/>
        <source>One instance on &amp;each of these nodes:</source>
        <translation>Eine Instanz auf &amp;jedem dieser Knoten:</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="212"/>
        <source>Starts the program once per node listed: a parallel run.</source>
        <translation>Startet das Programm einmal je angegebenem Knoten: ein paralleler Lauf.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="215"/>
        <source>2-4,7</source>
        <translation>2-4,7</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="216"/>
        <source>Node IDs and ranges of them, commas between: 2-4,7 starts four instances, on nodes 2, 3, 4 and 7.</source>
        <translation>Knoten-IDs und Bereiche davon, durch Kommas getrennt: 2-4,7 startet vier Instanzen, auf den Knoten 2, 3, 4 und 7.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="267"/>
        <source>&amp;Home: node %1, the node the console is connected to</source>
        <translation>&amp;Heimatknoten: Knoten %1, mit dem die Konsole verbunden ist</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="268"/>
        <source>&amp;Home: the node the console is connected to</source>
        <translation>&amp;Heimatknoten: der Knoten, mit dem die Konsole verbunden ist</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="273"/>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="274"/>
        <source>node %1 (%2)</source>
        <translation>Knoten %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="276"/>
        <source>%1, down</source>
        <translation>%1, inaktiv</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="286"/>
        <source>No node is known to choose from: choose another option.</source>
        <translation>Kein Knoten zur Auswahl bekannt: Wählen Sie eine andere Option.</translation>
    </message>
    <message>
        <location filename="../../procs/ui/src/runprogrampages.cpp" line="299"/>
        <source>Not in the cluster: %1.</source>
        <translation>Nicht im Cluster: %1.</translation>
    </message>
</context>
</TS>
