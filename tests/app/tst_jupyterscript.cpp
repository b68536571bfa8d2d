// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jupyter job as data and script: for each scheduler the directives read back through JobScript,
// the warning before the time limit is asked for, no token is in the text, umask 077 comes first,
// hostile names reach the shell quoted (checked by running the script with bash, not only by
// reading it), and the script is valid bash. Also: settings to JSON and back, and presets.
#include "TestSupport.h"
#include "app/jobscripts/JobScript.h"
#include "app/jupyter/JupyterDiagnosis.h"
#include "app/jupyter/JupyterPresets.h"
#include "app/jupyter/JupyterScript.h"
#include "app/jupyter/JupyterServerInfo.h"
#include "sshcore/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::JobField;
using app::JupyterEnvironment;
using app::JupyterSettings;
using Scheduler = app::Profile::Scheduler;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString hostileModule = u"my mod's/$(touch pwned-module) \"1\""_s;

JupyterSettings fullSettings()
{
    JupyterSettings settings;
    settings.partition = u"gpu"_s;
    settings.timeLimit = u"04:00:00"_s;
    settings.memory = u"8G"_s;
    settings.gpus = u"a100:2"_s;
    settings.account = u"deep-learning"_s;
    settings.qos = u"high"_s;
    settings.cpus = 4;
    settings.workDirectory = u"/scratch/alice/it's $(touch pwned) \"x\""_s;
    settings.environment.kind = JupyterEnvironment::Kind::Modules;
    settings.environment.modules = {u"jupyter/2.15"_s, hostileModule};
    return settings;
}

app::JupyterLayout layout(const QString &home = u"/home/alice"_s)
{
    return {home, u"0f8fad5b-d9cb-469f-a165-70867728950e"_s};
}

QString quoted(const QString &text)
{
    return QString::fromUtf8(sshcore::ShellQuote::quote(text.toUtf8()));
}

// bash -n: the whole script parses.
QString bashSyntaxError(const QString &script)
{
    QProcess bash;
    bash.start(u"bash"_s, {u"-n"_s});
    bash.write(script.toUtf8());
    bash.closeWriteChannel();
    if (!bash.waitForFinished(10000))
        return u"bash did not finish"_s;
    return bash.exitCode() == 0 ? QString() : QString::fromUtf8(bash.readAllStandardError());
}

int lineOf(const QString &text, const QRegularExpression &pattern)
{
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (pattern.match(lines[i]).hasMatch())
            return i;
    }
    return -1;
}

} // namespace

class TestJupyterScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void layoutPaths()
    {
        const app::JupyterLayout paths{u"/home/alice/"_s, u"abc-1"_s};
        QCOMPARE(paths.root(), u"/home/alice/.clusterdesk/jupyter/abc-1"_s);
        QCOMPARE(paths.runtimeDir(), u"/home/alice/.clusterdesk/jupyter/abc-1/runtime"_s);
        QCOMPARE(paths.configDir(), u"/home/alice/.clusterdesk/jupyter/abc-1/config"_s);
        QCOMPARE(paths.scriptPath(), u"/home/alice/.clusterdesk/jupyter/abc-1/job.sh"_s);
        QCOMPARE(paths.outputPath(), u"/home/alice/.clusterdesk/jupyter/abc-1/job.out"_s);
        QCOMPARE(paths.sessionFile(), u"/home/alice/.clusterdesk/jupyter/abc-1/session.json"_s);
    }

    void directives_data()
    {
        QTest::addColumn<Scheduler>("scheduler");
        QTest::addColumn<QString>("warning"); // a directive line that asks for the warning
        QTest::newRow("slurm") << Scheduler::Slurm << u"#SBATCH --signal=B:USR1@120"_s;
        QTest::newRow("pbs") << Scheduler::Pbs << u"#PBS -j oe"_s;
        QTest::newRow("lsf") << Scheduler::Lsf << u"#BSUB -wa USR1"_s;
        QTest::newRow("gridengine") << Scheduler::GridEngine << u"#$ -notify"_s;
    }

    void directives()
    {
        QFETCH(Scheduler, scheduler);
        QFETCH(QString, warning);
        JupyterSettings settings = fullSettings();
        // QoS exists only in Slurm: elsewhere the script is refused with a message naming the field.
        if (scheduler != Scheduler::Slurm) {
            const auto refused = app::jupyterScript(settings, scheduler, layout());
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(u"QoS"_s), qPrintable(refused.error().message));
            settings.qos.clear();
        }
        const auto text = app::jupyterScript(settings, scheduler, layout());
        QVERIFY_RESULT(text);
        const app::JobScript script = app::JobScript::parse(*text, scheduler);
        QCOMPARE(script.scheduler(), scheduler);
        QCOMPARE(script.value(JobField::Name), u"jupyter"_s);
        QCOMPARE(script.value(JobField::Partition), u"gpu"_s);
        QCOMPARE(script.value(JobField::TimeLimit), u"04:00:00"_s);
        QCOMPARE(script.value(JobField::Account), u"deep-learning"_s);
        QCOMPARE(script.value(JobField::Output), layout().outputPath());
        // PBS Pro has no directive for it (Torque's -d): the script's cd is the only one there.
        QCOMPARE(script.value(JobField::WorkDirectory),
                 scheduler == Scheduler::Pbs ? QString() : settings.workDirectory);
        switch (scheduler) {
        case Scheduler::Slurm:
            QCOMPARE(script.value(JobField::Qos), u"high"_s);
            QCOMPARE(script.value(JobField::Gpus), u"a100:2"_s);
            break;
        default: QCOMPARE(script.value(JobField::Gpus), u"2"_s); break; // no standard spelling of the type
        }
        switch (scheduler) {
        case Scheduler::Slurm:
        case Scheduler::Pbs:
            QCOMPARE(script.value(JobField::CpusPerTask), u"4"_s);
            QCOMPARE(script.value(JobField::Memory), u"8G"_s);
            QCOMPARE(script.value(JobField::Nodes), u"1"_s);
            QCOMPARE(script.value(JobField::Tasks), u"1"_s);
            break;
        case Scheduler::Lsf: // slots on one host, memory per slot
            QCOMPARE(script.value(JobField::Tasks), u"4"_s);
            QCOMPARE(script.value(JobField::Nodes), u"1"_s);
            QCOMPARE(script.value(JobField::MemoryPerCpu), u"2G"_s);
            break;
        default: // smp parallel environment, h_vmem per slot
            QCOMPARE(script.value(JobField::CpusPerTask), u"4"_s);
            QCOMPARE(script.value(JobField::MemoryPerCpu), u"2G"_s);
            break;
        }
        QVERIFY2(text->contains(u'\n' + warning + u'\n'), qPrintable(*text));
        if (scheduler == Scheduler::Lsf)
            QVERIFY(text->contains(u"\n#BSUB -wt 2\n"_s));
        if (scheduler == Scheduler::GridEngine)
            QVERIFY(text->contains(u"\n#$ -l s_rt=3:58:00\n"_s)); // two minutes before h_rt
        if (scheduler == Scheduler::Pbs)                          // its own alarm, two minutes before the walltime
            QVERIFY(text->contains(u"( sleep 14280 & sleeper=$!;"_s));
        QVERIFY(text->contains(u"trap 'on_signal warning' USR1 USR2\n"_s));
        QVERIFY(text->contains(u"trap 'on_signal TERM' TERM\n"_s));

        // Nothing that looks like a token: the app never knows it; the launcher makes it on the node.
        QVERIFY(!text->contains(u"JUPYTER_TOKEN="_s));
        QVERIFY(!text->contains(QRegularExpression(u"[0-9a-f]{32}"_s)));
        QVERIFY(text->contains(u"os.environ[\"JUPYTER_TOKEN\"] = secrets.token_hex(32)"_s));

        // umask before the first command that writes anything.
        const int umask = lineOf(*text, QRegularExpression(u"^umask 077$"_s));
        QVERIFY(umask > 0);
        QVERIFY(umask < lineOf(*text, QRegularExpression(u"^mkdir "_s)));
        QVERIFY(umask < lineOf(*text, QRegularExpression(u"^cat >"_s)));
        QVERIFY(umask < lineOf(*text, QRegularExpression(u"^(module|mark|python3|cd) "_s)));

        // Hostile names reach the shell only through ShellQuote.
        QVERIFY(text->contains(u"module load "_s + quoted(hostileModule) + u" || "_s));
        QVERIFY(text->contains(u"\ncd "_s + quoted(settings.workDirectory) + u" || "_s));
        QCOMPARE(bashSyntaxError(*text), QString());
    }

    void hostileHomeAndRefusals()
    {
        const QString home = u"/home/o'brien $(touch pwned)/x y"_s;
        const auto text = app::jupyterScript(JupyterSettings(), Scheduler::Slurm, layout(home));
        QVERIFY_RESULT(text);
        const app::JobScript script = app::JobScript::parse(*text, Scheduler::Slurm);
        QCOMPARE(script.value(JobField::Output), layout(home).outputPath());
        QCOMPARE(script.value(JobField::WorkDirectory), home);
        QVERIFY(text->contains(u"runtime="_s + quoted(layout(home).runtimeDir()) + u'\n'));
        QCOMPARE(bashSyntaxError(*text), QString());

        JupyterSettings injected;
        injected.partition = u"cpu\n#SBATCH --uid=0"_s;
        QVERIFY(!app::jupyterScript(injected, Scheduler::Slurm, layout()));
        QVERIFY(!app::jupyterScript(JupyterSettings(), Scheduler::Slurm, {u"/home/a"_s, u"../x"_s}));
        QVERIFY(!app::jupyterScript(JupyterSettings(), Scheduler::Slurm, {u"relative"_s, u"x"_s}));
        QVERIFY(!app::jupyterScript(JupyterSettings(), Scheduler::Unknown, layout()));
        JupyterSettings badTime;
        badTime.timeLimit = u"soon"_s;
        QVERIFY(!app::jupyterScript(badTime, Scheduler::Slurm, layout()));
    }

    void environments_data()
    {
        QTest::addColumn<JupyterEnvironment>("environment");
        QTest::addColumn<QString>("gpus");
        QTest::addColumn<QStringList>("expected");
        JupyterEnvironment conda;
        conda.kind = JupyterEnvironment::Kind::Conda;
        conda.modules = {u"anaconda3"_s};
        conda.conda = u"my env"_s;
        QTest::newRow("conda") << conda << QString()
                               << QStringList{u"eval \"$(conda shell.bash hook)\" && conda activate 'my env' || "_s,
                                              u"module load anaconda3 || "_s};
        JupyterEnvironment venv;
        venv.kind = JupyterEnvironment::Kind::Venv;
        venv.venv = u"/home/alice/venvs/it's"_s;
        QTest::newRow("venv") << venv << QString()
                              << QStringList{u"\n. '/home/alice/venvs/it'\\''s/bin/activate' || "_s};
        JupyterEnvironment container;
        container.kind = JupyterEnvironment::Kind::Container;
        container.container = u"/images/jupyter lab.sif"_s;
        QTest::newRow("container with GPUs")
            << container << u"1"_s
            << QStringList{u"\"$runner\" exec --nv '/images/jupyter lab.sif' python3 \"$launcher\" &\n"_s,
                           u"then runner=apptainer\nelif type singularity"_s};
        QTest::newRow("container without GPUs")
            << container << QString()
            << QStringList{
                   u"\"$runner\" exec '/images/jupyter lab.sif' python3 \"$launcher\" &\n"_s}; // Paths as people type
                                                                                               // them: "~/" is the home
                                                                                               // folder, in the script
                                                                                               // as in a terminal.
        JupyterEnvironment homeVenv;
        homeVenv.kind = JupyterEnvironment::Kind::Venv;
        homeVenv.venv = u"~/venvs/torch"_s;
        QTest::newRow("venv under ~") << homeVenv << QString()
                                      << QStringList{u"\n. " + layout().home + u"/venvs/torch/bin/activate || "_s};
        JupyterEnvironment homeImage;
        homeImage.kind = JupyterEnvironment::Kind::Container;
        homeImage.container = u"~/images/lab.sif"_s;
        QTest::newRow("container under ~")
            << homeImage << QString() << QStringList{u" exec " + layout().home + u"/images/lab.sif python3"_s};
    }

    void environments()
    {
        QFETCH(JupyterEnvironment, environment);
        QFETCH(QString, gpus);
        QFETCH(QStringList, expected);
        JupyterSettings settings;
        settings.environment = environment;
        settings.gpus = gpus;
        const auto text = app::jupyterScript(settings, Scheduler::Slurm, layout());
        QVERIFY_RESULT(text);
        for (const QString &part : expected)
            QVERIFY2(text->contains(part), qPrintable(part + u"\n---\n"_s + *text));
        if (!environment.modules.isEmpty()) // modules before the environment's own activation
            QVERIFY(text->indexOf(u"module load"_s) < text->indexOf(u"activate"_s));
        QCOMPARE(bashSyntaxError(*text), QString());
    }

    // The script run for real by bash, with a module command that records its arguments and a
    // python3 without Jupyter: hostile names arrive whole, nothing in them runs, the folders are
    // private, and the job ends with the launcher's own JupyterMissing marker.
    void runsWithHostileNames()
    {
        QTemporaryDir temporary;
        const QString home = temporary.path() + u"/home of o'brien $(touch pwned)"_s;
        JupyterSettings settings = fullSettings();
        settings.workDirectory = home + u"/work \"dir\" $(touch pwned)"_s;
        QVERIFY(QDir().mkpath(settings.workDirectory));
        const auto text = app::jupyterScript(settings, Scheduler::Slurm, layout(home));
        QVERIFY_RESULT(text);
        const QString record = temporary.path() + u"/modules.log"_s;
        QProcess bash;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"MODULE_LOG"_s, record);
        environment.insert(u"BASH_FUNC_module%%"_s, u"() { printf '%s\\n' \"$@\" >> \"$MODULE_LOG\"; }"_s);
        bash.setProcessEnvironment(environment);
        bash.setWorkingDirectory(temporary.path());
        bash.setProcessChannelMode(QProcess::MergedChannels);
        bash.start(u"bash"_s, {u"-s"_s});
        bash.write(text->toUtf8());
        bash.closeWriteChannel();
        QVERIFY(bash.waitForFinished(60000));
        const QByteArray output = bash.readAll();
        QVERIFY2(bash.exitCode() != 0, output.constData());
        QCOMPARE(readFile(record), "load\njupyter/2.15\nload\n" + hostileModule.toUtf8() + '\n');
        QVERIFY(!QFileInfo::exists(temporary.path() + u"/pwned"_s));
        QVERIFY(!QFileInfo::exists(settings.workDirectory + u"/pwned"_s));
        QVERIFY(!QFileInfo::exists(u"pwned"_s));
        QVERIFY(QFileInfo(layout(home).runtimeDir()).isDir());
        QVERIFY(QFileInfo(layout(home).launcherPath()).isFile());
        for (const QString &path :
             {layout(home).root(), layout(home).runtimeDir(), layout(home).configDir(), layout(home).launcherPath()})
            QVERIFY2((QFileInfo(path).permissions().toInt() & 0x0077) == 0, qPrintable(path)); // none for group, others
        QVERIFY2(output.contains("clusterdesk-jupyter: environment ready: "), output.constData());
        QVERIFY2(output.contains("clusterdesk-jupyter: error: jupyter-missing: "), output.constData());
        QVERIFY2(output.contains("clusterdesk-jupyter: server stopped (exit status 3)"), output.constData());
        QCOMPARE(app::diagnoseJupyterEnd(output, std::nullopt).cause, app::JupyterDiagnosis::Cause::JupyterMissing);
    }

    // "conda env list --json" as conda prints it (the shape of conda's own output: an "envs" list of
    // prefixes, the root one first; the paths here are made up).
    void condaEnvironments()
    {
        const QByteArray listed = R"({
  "envs": [
    "/opt/miniconda3",
    "/opt/miniconda3/envs/pytorch",
    "/opt/miniconda3/envs/my env",
    "/home/alice/.conda/envs/tf"
  ]
})";
        QCOMPARE(app::parseCondaEnvironments(listed),
                 (QStringList{u"base"_s, u"pytorch"_s, u"my env"_s, u"/home/alice/.conda/envs/tf"_s}));
        QVERIFY(app::parseCondaEnvironments({}).isEmpty()); // no conda: nothing printed
        QVERIFY(app::parseCondaEnvironments("bash: conda: command not found\n").isEmpty());
        QVERIFY(app::parseCondaEnvironments(R"({"envs": "not a list"})").isEmpty());
    }

    void settingsJson()
    {
        JupyterSettings settings = fullSettings();
        settings.interface = JupyterSettings::Interface::Notebook;
        settings.environment.kind = JupyterEnvironment::Kind::Container;
        settings.environment.conda = u"c"_s;
        settings.environment.venv = u"/v"_s;
        settings.environment.container = u"docker://jupyter/base"_s;
        QCOMPARE(JupyterSettings::fromJson(settings.toJson()), settings);
        QCOMPARE(JupyterSettings::fromJson(JupyterSettings().toJson()), JupyterSettings());
        QCOMPARE(JupyterSettings::fromJson({}), JupyterSettings()); // defaults for anything missing
        const JupyterSettings odd = JupyterSettings::fromJson(
            QJsonObject{{u"cpus"_s, -3}, {u"interface"_s, u"emacs"_s}, {u"environment"_s, u"?"_s}});
        QCOMPARE(odd.cpus, 1);
        QCOMPARE(odd.interface, JupyterSettings::Interface::Lab);
        QCOMPARE(odd.environment.kind, JupyterEnvironment::Kind::Modules);
    }

    void presets()
    {
        QTemporaryDir folder;
        const QString path = folder.path() + u"/data/jupyter-presets.json"_s;
        const QString hostile = u"../a/b: c? *100%*"_s;
        const QString cluster = u"{6f1c3f7e-0000-4000-8000-000000000001}"_s;
        {
            app::JupyterPresets presets(path);
            QVERIFY_RESULT(presets.load());
            QVERIFY(presets.presets(cluster).isEmpty());
            QVERIFY_RESULT(presets.save(cluster, {hostile, fullSettings()}));
            QVERIFY_RESULT(presets.save(cluster, {u"small"_s, JupyterSettings()}));
            QVERIFY_RESULT(presets.save(u"other"_s, {u"small"_s, fullSettings()}));
            JupyterSettings replaced;
            replaced.cpus = 16;
            QVERIFY_RESULT(presets.save(cluster, {u" small "_s, replaced})); // same name, trimmed: replaces
            QVERIFY(!presets.save(cluster, {u"  "_s, replaced}));
        }
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(QDir(folder.path() + u"/data"_s).entryList(QDir::Files), QStringList{u"jupyter-presets.json"_s});
        {
            app::JupyterPresets presets(path);
            QVERIFY_RESULT(presets.load());
            QVERIFY(presets.notice().isEmpty());
            const auto list = presets.presets(cluster);
            QCOMPARE(list.size(), 2);
            QCOMPARE(list[0].name, hostile);
            QCOMPARE(list[0].settings, fullSettings());
            QCOMPARE(list[1].name, u"small"_s);
            QCOMPARE(list[1].settings.cpus, 16);
            QCOMPARE(presets.find(u"other"_s, u"small"_s), fullSettings());
            QVERIFY_RESULT(presets.remove(cluster, hostile));
            QVERIFY_RESULT(presets.remove(cluster, u"not there"_s));
        }
        {
            app::JupyterPresets presets(path);
            QVERIFY_RESULT(presets.load());
            QCOMPARE(presets.presets(cluster).size(), 1);
            QVERIFY(!presets.find(cluster, hostile));
        }
        // A damaged file is moved aside with a message; the presets start empty and can be saved again.
        QVERIFY(writeFile(path, "{\"format\": 1, \"clusters\": {\"x\": [{\"name\": "));
        {
            app::JupyterPresets presets(path);
            QVERIFY_RESULT(presets.load());
            QVERIFY2(presets.notice().contains(u"damaged"_s), qPrintable(presets.notice()));
            QVERIFY(presets.presets(u"x"_s).isEmpty());
            QVERIFY(!QFileInfo::exists(path));
            const QStringList aside = QDir(folder.path() + u"/data"_s).entryList({u"jupyter-presets.json.damaged-*"_s});
            QCOMPARE(aside.size(), 1);
            QVERIFY(presets.notice().contains(aside.front()));
            QVERIFY_RESULT(presets.save(u"x"_s, {u"again"_s, JupyterSettings()}));
        }
        // Valid JSON of the wrong shape is damaged too; a newer format is left alone and not written over.
        for (const QByteArray &wrong : {QByteArray("[1, 2]"), QByteArray("{\"format\":1,\"clusters\":{\"x\":{}}}")}) {
            QVERIFY(writeFile(path, wrong));
            app::JupyterPresets presets(path);
            QVERIFY_RESULT(presets.load());
            QVERIFY(!presets.notice().isEmpty());
            QVERIFY(!QFileInfo::exists(path));
        }
        const QByteArray newer = "{\"format\": 9, \"clusters\": {}}";
        QVERIFY(writeFile(path, newer));
        app::JupyterPresets presets(path);
        QVERIFY_RESULT(presets.load());
        QVERIFY(presets.notice().contains(u"newer"_s));
        QVERIFY(!presets.save(u"x"_s, {u"n"_s, JupyterSettings()}));
        QCOMPARE(readFile(path), newer);
        QVERIFY(app::JupyterPresets::defaultFilePath().endsWith(u"/jupyter-presets.json"_s));
    }

    void serverInfo()
    {
        // As jupyter_server 2.15's server_info() writes it (keys from its source), with our launcher's host.
        const QByteArray jpserver = "{\n"
                                    "  \"base_url\": \"/\",\n"
                                    "  \"hostname\": \"demo-cluster\",\n"
                                    "  \"password\": false,\n"
                                    "  \"pid\": 4242,\n"
                                    "  \"port\": 40123,\n"
                                    "  \"root_dir\": \"/home/alice\",\n"
                                    "  \"secure\": false,\n"
                                    "  \"sock\": \"\",\n"
                                    "  \"token\": \"0123abcd\",\n"
                                    "  \"url\": \"http://demo-cluster:40123/\",\n"
                                    "  \"version\": \"2.15.0\"\n"
                                    "}";
        const auto info = app::parseJupyterServerInfo(jpserver);
        QVERIFY_RESULT(info);
        QCOMPARE(info->host, u"demo-cluster"_s);
        QCOMPARE(info->port, quint16(40123));
        QCOMPARE(info->token, u"0123abcd"_s);
        QCOMPARE(info->baseUrl, u"/"_s);
        QCOMPARE(info->pid, 4242);
        QCOMPARE(info->version, u"2.15.0"_s);
        // Notebook 6's nbserver file: notebook_dir, no version.
        const auto notebook = app::parseJupyterServerInfo(
            "{\"base_url\":\"/nb/\",\"hostname\":\"node01\",\"notebook_dir\":\"/"
            "w\",\"password\":false,\"pid\":7,\"port\":8888,"
            "\"secure\":false,\"sock\":\"\",\"token\":\"t\",\"url\":\"http://node01:8888/nb/\"}");
        QVERIFY_RESULT(notebook);
        QCOMPARE(notebook->baseUrl, u"/nb/"_s);
        QCOMPARE(notebook->version, QString());
        QVERIFY(!app::parseJupyterServerInfo("{"));
        QVERIFY(!app::parseJupyterServerInfo("[]"));
        QVERIFY(!app::parseJupyterServerInfo("{\"hostname\":\"h\",\"port\":0,\"token\":\"t\"}")); // what port 0 gives
        QVERIFY(!app::parseJupyterServerInfo("{\"hostname\":\"h\",\"port\":8888}"));
        QVERIFY(!app::parseJupyterServerInfo("{\"hostname\":\"h\",\"port\":0,\"sock\":\"/tmp/s\",\"token\":\"t\"}"));

        QVERIFY(app::isJupyterServerInfoFile(u"jpserver-4242.json"_s));
        QVERIFY(app::isJupyterServerInfoFile(u"nbserver-7.json"_s));
        QVERIFY(!app::isJupyterServerInfoFile(u"jpserver-4242-open.html"_s));
        QVERIFY(!app::isJupyterServerInfoFile(u"kernel-1a2b.json"_s));
        QVERIFY(!app::isJupyterServerInfoFile(u"launcher.py"_s));
        QVERIFY(!app::isJupyterServerInfoFile(u"jpserver-.json"_s));
    }
};

QTEST_GUILESS_MAIN(TestJupyterScript)
#include "tst_jupyterscript.moc"
