<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>app::TransferQueueModel</name>
    <message numerus="yes">
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n file failed</numerusform>
            <numerusform>%n files failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::cli</name>
    <message numerus="yes">
        <source>[%1] %2% %3/%n files %4/s ETA %5</source>
        <extracomment>The progress bar of upload and download on a terminal: [### ] 40% 2/5 files 3.1 MiB/s</extracomment>
        <translation>
            <numerusform>[%1] %2% %3/%n file %4/s ETA %5</numerusform>
            <numerusform>[%1] %2% %3/%n files %4/s ETA %5</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%1] %2% %3/%n files %4/s</source>
        <translation>
            <numerusform>[%1] %2% %3/%n file %4/s</numerusform>
            <numerusform>[%1] %2% %3/%n files %4/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files, %2; %3 failed</source>
        <extracomment>After an upload or download: "3 of 5 files, 1.2 MiB"</extracomment>
        <translation>
            <numerusform>%1 of %n file, %2; %3 failed</numerusform>
            <numerusform>%1 of %n files, %2; %3 failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n files, %2</source>
        <translation>
            <numerusform>%1 of %n file, %2</numerusform>
            <numerusform>%1 of %n files, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>command: %1, %n times, against %2</source>
        <translation>
            <numerusform>command: %1, %n time, against %2</numerusform>
            <numerusform>command: %1, %n times, against %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::AboutDialog</name>
    <message numerus="yes">
        <source>%1 (%n syntax definitions)</source>
        <translation>
            <numerusform>%1 (%n syntax definition)</numerusform>
            <numerusform>%1 (%n syntax definitions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ClusterFiles</name>
    <message numerus="yes">
        <source>Imported %n cluster(s) from the SSH configuration.</source>
        <translation>
            <numerusform>Imported %n cluster from the SSH configuration.</numerusform>
            <numerusform>Imported %n clusters from the SSH configuration.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::ClusterPane</name>
    <message numerus="yes">
        <source>Delete these %n items on the cluster? Folders are deleted with everything in them. This cannot be undone.</source>
        <translation>
            <numerusform>Delete this item on the cluster? A folder is deleted with everything in it. This cannot be undone.</numerusform>
            <numerusform>Delete these %n items on the cluster? Folders are deleted with everything in them. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::FilesArea</name>
    <message numerus="yes">
        <source>%1: %n file(s) failed; see Transfers.</source>
        <translation>
            <numerusform>%1: %n file failed; see Transfers.</numerusform>
            <numerusform>%1: %n files failed; see Transfers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message numerus="yes">
        <source>%n job script(s) have changes that are not saved anywhere:

%1

Close clusterdesk and lose them?</source>
        <translation>
            <numerusform>%n job script has changes that are not saved anywhere:

%1

Close clusterdesk and lose them?</numerusform>
            <numerusform>%n job scripts have changes that are not saved anywhere:

%1

Close clusterdesk and lose them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::TransferPanel</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be transferred. The others were.</source>
        <translation>
            <numerusform>%n file could not be transferred. The others were.</numerusform>
            <numerusform>%n files could not be transferred. The others were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) paused: Resume goes on from where it stopped.</source>
        <translation>
            <numerusform>%n transfer paused: Resume goes on from where it stopped.</numerusform>
            <numerusform>%n transfers paused: Resume goes on from where it stopped.</numerusform>
        </translation>
    </message>
</context>
</TS>