<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>omview::ClusterCommands</name>
    <message numerus="yes">
        <source>%1: done on node(s) %2</source>
        <translation>
            <numerusform>%1: done on node %2</numerusform>
            <numerusform>%1: done on nodes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Speed set to %1 on %n node(s): %2</source>
        <translation>
            <numerusform>Speed set to %1 on %n node: %2</numerusform>
            <numerusform>Speed set to %1 on %n nodes: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settings of node(s) %1 changed: %2</source>
        <translation>
            <numerusform>Settings of node %1 changed: %2</numerusform>
            <numerusform>Settings of nodes %1 changed: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::ClusterSession</name>
    <message numerus="yes">
        <source>Retrying in %n s: %1</source>
        <translation>
            <numerusform>Retrying in %n s: %1</numerusform>
            <numerusform>Retrying in %n s: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::MainWindow</name>
    <message numerus="yes">
        <source>All nodes (%n)</source>
        <translation>
            <numerusform>All nodes (%n)</numerusform>
            <numerusform>All nodes (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::NodeSettingsDialog</name>
    <message numerus="yes">
        <source>Reading the settings of %n nodes…</source>
        <translation>
            <numerusform>Reading the settings of %n node…</numerusform>
            <numerusform>Reading the settings of %n nodes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>openMosix is running on %1 of %n nodes.</source>
        <translation>
            <numerusform>openMosix is running on %1 of %n node.</numerusform>
            <numerusform>openMosix is running on %1 of %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>openMosix is running on all %n nodes.</source>
        <translation>
            <numerusform>openMosix is running on the %n node.</numerusform>
            <numerusform>openMosix is running on all %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>openMosix is stopped on all %n nodes.</source>
        <translation>
            <numerusform>openMosix is stopped on the %n node.</numerusform>
            <numerusform>openMosix is stopped on all %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the current settings of %n nodes.</source>
        <translation>
            <numerusform>Showing the current settings of %n node.</numerusform>
            <numerusform>Showing the current settings of %n nodes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Settings written to %n nodes.</source>
        <translation>
            <numerusform>Settings written to %n node.</numerusform>
            <numerusform>Settings written to %n nodes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::NodeTableModel</name>
    <message numerus="yes">
        <source>Load %1 on %n CPU(s) (100 = one standard CPU busy): %2 of the node</source>
        <translation>
            <numerusform>Load %1 on %n CPU (100 = one standard CPU busy): %2 of the node</numerusform>
            <numerusform>Load %1 on %n CPUs (100 = one standard CPU busy): %2 of the node</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n online CPU(s)</source>
        <translation>
            <numerusform>%n online CPU</numerusform>
            <numerusform>%n online CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s): %1 up, %2 down, %3 unknown</source>
        <translation>
            <numerusform>%n node: %1 up, %2 down, %3 unknown</numerusform>
            <numerusform>%n nodes: %1 up, %2 down, %3 unknown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Load of the up nodes: %1 on %n CPU(s) (%2)</source>
        <translation>
            <numerusform>Load of the up nodes: %1 on %n CPU (%2)</numerusform>
            <numerusform>Load of the up nodes: %1 on %n CPUs (%2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s) on the up nodes</source>
        <translation>
            <numerusform>%n CPU on the up nodes</numerusform>
            <numerusform>%n CPUs on the up nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::analyzer::AnalyzerSession</name>
    <message numerus="yes">
        <source>cannot zoom in further than %n seconds</source>
        <translation>
            <numerusform>cannot zoom in further than %n second</numerusform>
            <numerusform>cannot zoom in further than %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::analyzer::RangeSelection</name>
    <message numerus="yes">
        <source>a range of %n seconds is not between a minute and 100 years</source>
        <translation>
            <numerusform>a range of %n second is not between a minute and 100 years</numerusform>
            <numerusform>a range of %n seconds is not between a minute and 100 years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n days</source>
        <translation>
            <numerusform>last %n day</numerusform>
            <numerusform>last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n hours</source>
        <translation>
            <numerusform>last %n hour</numerusform>
            <numerusform>last %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last %n minutes</source>
        <translation>
            <numerusform>last %n minute</numerusform>
            <numerusform>last %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::history::HistoryWindow</name>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::ClusterProcessModel</name>
    <message numerus="yes">
        <source>Node %1: %n process(es)</source>
        <translation>
            <numerusform>Node %1: %n process</numerusform>
            <numerusform>Node %1: %n processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::MigrationMonitor</name>
    <message numerus="yes">
        <source>%n guest(s) run here</source>
        <translation>
            <numerusform>%n guest runs here</numerusform>
            <numerusform>%n guests run here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its processes run elsewhere</source>
        <translation>
            <numerusform>%n of its processes runs elsewhere</numerusform>
            <numerusform>%n of its processes run elsewhere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) under way</source>
        <translation>
            <numerusform>%n move under way</numerusform>
            <numerusform>%n moves under way</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessActions</name>
    <message numerus="yes">
        <source>%n processes</source>
        <translation>
            <numerusform>%n process</numerusform>
            <numerusform>%n processes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::ProcessFormat</name>
    <message numerus="yes">
        <source>%1 has migrated %n time(s)</source>
        <translation>
            <numerusform>%1 has migrated %n time</numerusform>
            <numerusform>%1 has migrated %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::RemoteProcessesDialog</name>
    <message numerus="yes">
        <source>Node %1 runs %n guest(s).</source>
        <translation>
            <numerusform>Node %1 runs %n guest.</numerusform>
            <numerusform>Node %1 runs %n guests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::ReviewPage</name>
    <message numerus="yes">
        <source>%n instance(s), one on each of nodes %1</source>
        <translation>
            <numerusform>%n instance, on node %1</numerusform>
            <numerusform>%n instances, one on each of nodes %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>omview::procs::RunPage</name>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ended</source>
        <translation>
            <numerusform>%n ended</numerusform>
            <numerusform>%n ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
</TS>
