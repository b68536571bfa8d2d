// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The job-script model: byte-exact round trips over real scripts (data/jobscripts, sources in
// SOURCES.md there), form edits that touch only their own lines, validation messages, translation.

#include "app/jobscripts/JobScript.h"
#include "app/jobscripts/JobScriptTranslator.h"
#include "app/jobscripts/JobScriptValidator.h"
#include "app/schedulers/ResourceUnits.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace app;

namespace {

QString read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// Lines of a that are not in b at the same place, counted from both ends (an edit's footprint).
int changedLines(const QString &a, const QString &b)
{
    const QStringList x = a.split(u'\n');
    const QStringList y = b.split(u'\n');
    qsizetype front = 0;
    while (front < x.size() && front < y.size() && x[front] == y[front])
        ++front;
    qsizetype back = 0;
    while (back < x.size() - front && back < y.size() - front && x[x.size() - 1 - back] == y[y.size() - 1 - back])
        ++back;
    return int(std::max(x.size(), y.size()) - front - back);
}

ClusterResources demoCluster()
{
    ClusterResources cluster;
    Partition cpu;
    cpu.name = QStringLiteral("cpu");
    cpu.isDefault = true;
    cpu.maxTimeSeconds = 86400;
    cpu.nodes = 1;
    cpu.cpusTotal = 8;
    cpu.memoryPerNodeBytes = 16 * units::GiB;
    Partition gpu = cpu;
    gpu.name = QStringLiteral("gpu");
    gpu.isDefault = false;
    gpu.maxTimeSeconds = 4 * 3600;
    gpu.gpus = {{QStringLiteral("a100"), 2, 2}};
    cluster.partitions = {cpu, gpu};
    cluster.associations = {{QStringLiteral("lab"), QString(), {QStringLiteral("normal")}}};
    return cluster;
}

bool mentions(const QList<ScriptProblem> &problems, JobField field, QStringView text)
{
    return std::ranges::any_of(problems, [&](const ScriptProblem &problem) {
        return problem.field == field && problem.message.contains(text);
    });
}

} // namespace

class TestJobScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(CLUSTERDESK_TEST_DATA "/jobscripts"), {QStringLiteral("*.sh")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int count = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(path.section(u'/', -2))) << path;
            ++count;
        }
        QVERIFY(count >= 40);
    }

    // Text → model → text is exact, a field set to its own value changes nothing, and setting a
    // new time limit touches one line (or adds one).
    void corpus()
    {
        QFETCH(QString, path);
        const QString text = read(path);
        JobScript script = JobScript::parse(text);
        QCOMPARE(script.text(), text);
        for (JobField field : allJobFields()) {
            const auto value = script.field(field);
            if (!value || !value->canonical || field == JobField::Exclusive)
                continue;
            JobScript same = script;
            QVERIFY(same.setValue(field, *value->canonical));
            QCOMPARE(same.text(), text);
        }
        JobScript edited = script;
        QVERIFY(edited.setValue(JobField::TimeLimit, QStringLiteral("02:30:00")));
        QCOMPARE(units::parseDurationSeconds(edited.value(JobField::TimeLimit)), 9000);
        QVERIFY2(changedLines(text, edited.text()) <= 1, qPrintable(edited.text()));
        // Everything else reads as before.
        for (JobField field : allJobFields()) {
            if (field != JobField::TimeLimit)
                QCOMPARE(edited.value(field), script.value(field));
        }
    }

    void detectsTheScheduler()
    {
        QCOMPARE(JobScript::parse(QStringLiteral("#!/bin/bash\n#BSUB -n 4\n")).scheduler(), Profile::Scheduler::Lsf);
        QCOMPARE(JobScript::parse(QStringLiteral("#PBS -l walltime=1:00:00\n")).scheduler(), Profile::Scheduler::Pbs);
        QCOMPARE(JobScript::parse(QStringLiteral("#$ -pe smp 4\n")).scheduler(), Profile::Scheduler::GridEngine);
        QCOMPARE(JobScript::parse(QStringLiteral("echo hi\n")).scheduler(), Profile::Scheduler::Slurm);
    }

    void slurmFormEdits()
    {
        const QString text = QStringLiteral("#!/bin/bash\r\n"
                                            "#SBATCH --job-name=\"my job\"  # what squeue shows\r\n"
                                            "#SBATCH -p gpu -t 60 --gres=gpu:a100:1,tmp:10G\r\n"
                                            "#SBATCH --mem 4G\r\n"
                                            "\r\n"
                                            "module load python/3.12\r\n"
                                            "srun python train.py\r\n");
        JobScript script = JobScript::parse(text);
        QCOMPARE(script.value(JobField::Name), QStringLiteral("my job"));
        QCOMPARE(script.value(JobField::Partition), QStringLiteral("gpu"));
        QCOMPARE(script.value(JobField::TimeLimit), QStringLiteral("60"));
        QCOMPARE(script.value(JobField::Gpus), QStringLiteral("a100:1"));
        QCOMPARE(script.value(JobField::Memory), QStringLiteral("4G"));

        QVERIFY(script.setValue(JobField::Gpus, QStringLiteral("a100:2")));
        QCOMPARE(script.lines()[2].text, QStringLiteral("#SBATCH -p gpu -t 60 --gres=gpu:a100:2,tmp:10G"));
        QVERIFY(script.setValue(JobField::Name, QStringLiteral("it's \"big\"")));
        QCOMPARE(script.lines()[1].text,
                 QStringLiteral("#SBATCH --job-name=\"it's \\\"big\\\"\"  # what squeue shows"));
        QCOMPARE(script.value(JobField::Name), QStringLiteral("it's \"big\""));
        QVERIFY(script.setValue(JobField::TimeLimit, QStringLiteral("01:30:00")));
        QVERIFY(script.setValue(JobField::Memory, QStringLiteral("8G")));
        QCOMPARE(script.lines()[3].text, QStringLiteral("#SBATCH --mem 8G"));
        // A new field goes after the last directive, with the script's line ending.
        QVERIFY(script.setValue(JobField::CpusPerTask, QStringLiteral("4")));
        QCOMPARE(script.lines()[4].text, QStringLiteral("#SBATCH --cpus-per-task=4"));
        QCOMPARE(script.lines()[4].ending, QStringLiteral("\r\n"));
        // Dropping the GPUs leaves the other gres; dropping the only option of a line drops the line.
        QVERIFY(script.setValue(JobField::Gpus, QString()));
        QCOMPARE(script.lines()[2].text, QStringLiteral("#SBATCH -p gpu -t 01:30:00 --gres=tmp:10G"));
        QVERIFY(script.setValue(JobField::Memory, QString()));
        QCOMPARE(script.text().count(u"--mem"), 0);
        QCOMPARE(script.lines().size(), 7);
        QVERIFY(script.text().endsWith(QStringLiteral("module load python/3.12\r\nsrun python train.py\r\n")));
        // Exclusive is a bare flag.
        QVERIFY(script.setValue(JobField::Exclusive, QStringLiteral("yes")));
        QCOMPARE(script.value(JobField::Exclusive), QStringLiteral("yes"));
        QVERIFY(script.text().contains(u"#SBATCH --exclusive\r\n"));
    }

    void gpusSpelledInEveryWay()
    {
        QCOMPARE(JobScript::parse(QStringLiteral("#SBATCH --gres=gpu\n")).value(JobField::Gpus), QStringLiteral("1"));
        QCOMPARE(JobScript::parse(QStringLiteral("#SBATCH --gres=gpu:2\n")).value(JobField::Gpus), QStringLiteral("2"));
        QCOMPARE(JobScript::parse(QStringLiteral("#SBATCH -G v100:4\n")).value(JobField::Gpus),
                 QStringLiteral("v100:4"));
        JobScript script = JobScript::parse(QStringLiteral("#SBATCH --gres=gpu\n"));
        QVERIFY(script.setValue(JobField::Gpus, QStringLiteral("3")));
        QCOMPARE(script.text(), QStringLiteral("#SBATCH --gres=gpu:3\n"));
    }

    void scriptWithoutDirectivesOrFinalNewline()
    {
        JobScript script = JobScript::parse(QStringLiteral("#!/bin/bash\n# train\npython train.py"));
        QVERIFY(script.setValue(JobField::TimeLimit, QStringLiteral("10")));
        QCOMPARE(script.text(), QStringLiteral("#!/bin/bash\n# train\n#SBATCH --time=10\npython train.py"));
        JobScript empty = JobScript::parse(QString());
        QVERIFY(empty.setValue(JobField::Name, QStringLiteral("x")));
        QCOMPARE(empty.text(), QStringLiteral("#SBATCH --job-name=x\n"));
    }

    void pbsSelectChunk()
    {
        JobScript script = JobScript::parse(QStringLiteral("#!/bin/bash\n#PBS -N train\n"
                                                           "#PBS -l select=1:ncpus=4:mem=8gb,walltime=01:00:00\n"
                                                           "cd $PBS_O_WORKDIR\n"));
        QCOMPARE(script.scheduler(), Profile::Scheduler::Pbs);
        QCOMPARE(script.value(JobField::Nodes), QStringLiteral("1"));
        QCOMPARE(script.value(JobField::CpusPerTask), QStringLiteral("4"));
        QCOMPARE(script.value(JobField::Memory), QStringLiteral("8G"));
        QCOMPARE(script.value(JobField::TimeLimit), QStringLiteral("01:00:00"));
        QVERIFY(script.setValue(JobField::Gpus, QStringLiteral("2")));
        QVERIFY(script.setValue(JobField::Memory, QStringLiteral("16G")));
        QCOMPARE(script.lines()[2].text, QStringLiteral("#PBS -l select=1:ncpus=4:mem=16gb:ngpus=2,walltime=01:00:00"));
        QVERIFY(script.setValue(JobField::CpusPerTask, QString()));
        QCOMPARE(script.lines()[2].text, QStringLiteral("#PBS -l select=1:mem=16gb:ngpus=2,walltime=01:00:00"));
        QVERIFY(script.setValue(JobField::TimeLimit, QStringLiteral("1-00:00:00")));
        QCOMPARE(script.lines()[2].text, QStringLiteral("#PBS -l select=1:mem=16gb:ngpus=2,walltime=24:00:00"));
        QVERIFY(!script.setValue(JobField::Qos, QStringLiteral("high")));
    }

    void lsfNameArrayAndUnits()
    {
        JobScript script = JobScript::parse(QStringLiteral("#BSUB -J \"sweep[1-10]%2\"\n#BSUB -W 1:30\n"
                                                           "#BSUB -R \"rusage[mem=5GB] span[hosts=1]\"\n"));
        QCOMPARE(script.value(JobField::Name), QStringLiteral("sweep"));
        QCOMPARE(script.value(JobField::Array), QStringLiteral("1-10"));
        QCOMPARE(script.value(JobField::TimeLimit), QStringLiteral("01:30:00"));
        QCOMPARE(script.value(JobField::MemoryPerCpu), QStringLiteral("5G"));
        QCOMPARE(script.value(JobField::Nodes), QStringLiteral("1"));
        QVERIFY(script.setValue(JobField::TimeLimit, QStringLiteral("02:00:00")));
        QVERIFY(script.setValue(JobField::Array, QStringLiteral("1-20")));
        QVERIFY(script.setValue(JobField::MemoryPerCpu, QStringLiteral("2G")));
        QCOMPARE(script.text(), QStringLiteral("#BSUB -J \"sweep[1-20]%2\"\n#BSUB -W 2:00\n"
                                               "#BSUB -R \"rusage[mem=2GB] span[hosts=1]\"\n"));
        QVERIFY(!script.setValue(JobField::Nodes, QStringLiteral("2")));
    }

    void gridEngineParallelEnvironment()
    {
        JobScript script = JobScript::parse(QStringLiteral("#$ -cwd\n#$ -pe smp 4\n#$ -l h_rt=3600,h_vmem=2G\n"));
        QCOMPARE(script.value(JobField::CpusPerTask), QStringLiteral("4"));
        QCOMPARE(script.value(JobField::TimeLimit), QStringLiteral("01:00:00"));
        QCOMPARE(script.value(JobField::MemoryPerCpu), QStringLiteral("2G"));
        QVERIFY(script.setValue(JobField::CpusPerTask, QStringLiteral("8")));
        QCOMPARE(script.lines()[1].text, QStringLiteral("#$ -pe smp 8"));
        QCOMPARE(script.lines()[0].text, QStringLiteral("#$ -cwd")); // not "-c wd"
    }

    void environment()
    {
        const JobScript script = JobScript::parse(
            QStringLiteral("#!/bin/bash\n#SBATCH -t 10\nmodule purge\n"
                           "module load gcc/14 cuda/12.2\nml python/3.12\n"
                           "source ~/venvs/torch/bin/activate\n"
                           "conda activate mnist\n"
                           "apptainer exec --nv images/torch.sif python run.py\n"));
        const JobScript::Environment environment = script.environment();
        QVERIFY(environment.purgesModules);
        QCOMPARE(environment.modules,
                 (QStringList{QStringLiteral("gcc/14"), QStringLiteral("cuda/12.2"), QStringLiteral("python/3.12")}));
        QCOMPARE(environment.virtualEnv, QStringLiteral("~/venvs/torch"));
        QCOMPARE(environment.conda, QStringLiteral("mnist"));
        QCOMPARE(environment.container, QStringLiteral("images/torch.sif"));
        QCOMPARE(script.lines()[2].kind, JobScript::LineKind::Environment);
        QCOMPARE(script.lines()[7].kind, JobScript::LineKind::Command);

        JobScript edited = script;
        edited.addModule(QStringLiteral("git/2.45"));
        QCOMPARE(edited.lines()[7].text, QStringLiteral("module load git/2.45"));
        edited.removeModule(QStringLiteral("cuda/12.2"));
        QCOMPARE(edited.lines()[3].text, QStringLiteral("module load gcc/14"));
        edited.removeModule(QStringLiteral("gcc/14"));
        QVERIFY(!edited.text().contains(u"gcc"));
    }

    void validation()
    {
        const ClusterResources cluster = demoCluster();
        const auto check = [&](const QString &text) {
            return JobScriptValidator::check(JobScript::parse(text), &cluster);
        };
        QVERIFY(check(QStringLiteral("#SBATCH -p gpu -t 01:00:00 --gpus=a100:1 --mem=8G\n")).isEmpty());
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -t 1h\n")), JobField::TimeLimit, u"hours:minutes:seconds"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH --mem=4GB\n")), JobField::Memory, u"unit K, M, G or T"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH --gres=gpu:1\n")), JobField::Gpus,
                         u"Partition cpu has no GPUs. Choose a partition with GPUs: gpu."));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -p gpu -t 2-00:00:00\n")), JobField::TimeLimit,
                         u"longer than partition gpu allows (04:00:00)"));
        QVERIFY(
            mentions(check(QStringLiteral("#SBATCH -p gpu --gpus=v100:1\n")), JobField::Gpus, u"no GPUs of type v100"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -p gpu --gpus=4\n")), JobField::Gpus, u"2 GPUs in all"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH --array=1-10%\n")), JobField::Array, u"1-10, 1,3,5"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -p big\n")), JobField::Partition, u"It has: cpu, gpu."));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH --mem=64G\n")), JobField::Memory, u"16.0 GiB"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -A other\n")), JobField::Account, u"Yours: lab."));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH -c 16\n")), JobField::CpusPerTask, u"have 8 CPUs"));
        QVERIFY(mentions(check(QStringLiteral("#SBATCH --mem=1G --mem-per-cpu=1G\n")), JobField::MemoryPerCpu,
                         u"sbatch refuses both"));

        // Mistakes that need no cluster: a stray word, a directive after the first command.
        const auto stray = JobScriptValidator::check(JobScript::parse(QStringLiteral("#SBATCH -J cpu test\n")));
        QCOMPARE(stray.size(), 1);
        QCOMPARE(stray[0].line, 0);
        QVERIFY(stray[0].message.contains(u"\"test\" is not an option"));
        const auto late = JobScriptValidator::check(JobScript::parse(QStringLiteral("echo hi\n#SBATCH -t 5\n")));
        QCOMPARE(late.size(), 1);
        QCOMPARE(late[0].line, 1);
        QCOMPARE(late[0].severity, ScriptProblem::Severity::Warning);
    }

    void translateSlurmToPbsAndLsf()
    {
        const JobScript slurm = JobScript::parse(QStringLiteral(
            "#!/bin/bash\n# Train\n#SBATCH --job-name=mnist\n#SBATCH --time=1-00:00:00\n#SBATCH --mem=8G\n"
            "#SBATCH --cpus-per-task=4\n#SBATCH --gpus=a100:1\n#SBATCH --qos=high\n#SBATCH --output=logs/%x-%j.out\n"
            "#SBATCH --ntasks-per-node=1\n\necho \"job $SLURM_JOB_ID on ${SLURM_JOB_NODELIST}, $SLURM_NTASKS "
            "tasks\"\n"));
        const Translation pbs = JobScriptTranslator::translate(slurm, Profile::Scheduler::Pbs);
        const QString pbsText = pbs.script.text();
        QVERIFY2(pbsText.contains(u"#PBS -N mnist\n"), qPrintable(pbsText));
        QVERIFY2(pbsText.contains(u"#PBS -l walltime=24:00:00\n"), qPrintable(pbsText));
        // One select chunk gathers CPUs, memory and GPUs: a second "-l select" would replace the first.
        QVERIFY2(pbsText.contains(u"#PBS -l select=1:ncpus=4:mem=8gb:ngpus=1\n"), qPrintable(pbsText));
        QCOMPARE(pbs.script.value(JobField::CpusPerTask), QStringLiteral("4"));
        QCOMPARE(pbs.script.value(JobField::Gpus), QStringLiteral("1"));
        QVERIFY(pbsText.contains(u"$PBS_JOBID"));
        QVERIFY(pbsText.contains(u"${PBS_NODEFILE}"));
        QVERIFY(pbsText.startsWith(u"#!/bin/bash\n# Train\n#PBS"));
        QVERIFY(pbsText.contains(u"# #SBATCH --ntasks-per-node=1"));
        const QString notes = pbs.notes.join(u'\n');
        QVERIFY2(notes.contains(u"QoS \"high\": PBS has no equivalent"), qPrintable(notes));
        QVERIFY2(notes.contains(u"GPUs \"a100:1\" became \"1\""), qPrintable(notes));
        QVERIFY2(notes.contains(u"$SLURM_NTASKS has no PBS equivalent"), qPrintable(notes));
        QVERIFY2(notes.contains(u"--ntasks-per-node=1\": not translated"), qPrintable(notes));
        QVERIFY2(notes.contains(u"does not expand %-patterns"), qPrintable(notes));

        const Translation lsf = JobScriptTranslator::translate(slurm, Profile::Scheduler::Lsf);
        QCOMPARE(lsf.script.value(JobField::TimeLimit), QStringLiteral("1-00:00:00"));
        QVERIFY2(lsf.script.text().contains(u"#BSUB -W 24:00\n"), qPrintable(lsf.script.text()));
        QVERIFY2(lsf.script.text().contains(u"#BSUB -o logs/%x-%J.out\n"), qPrintable(lsf.script.text()));
        QVERIFY(lsf.script.text().contains(u"$LSB_JOBID"));
        QVERIFY2(lsf.notes.join(u'\n').contains(u"Memory per node \"8G\": LSF has no equivalent"),
                 qPrintable(lsf.notes.join(u'\n')));
    }

    void translateTheDtuSeedToSlurm()
    {
        const JobScript lsf = JobScript::parse(
            read(QStringLiteral(CLUSTERDESK_TEST_DATA "/jobscripts/lsf/dtu-mlops-gpu-jobscript.sh")));
        QCOMPARE(lsf.scheduler(), Profile::Scheduler::Lsf);
        const Translation slurm = JobScriptTranslator::translate(lsf, Profile::Scheduler::Slurm);
        const JobScript &result = slurm.script;
        QCOMPARE(result.value(JobField::Partition), QStringLiteral("gpuv100"));
        QCOMPARE(result.value(JobField::Name), QStringLiteral("testjob"));
        QCOMPARE(result.value(JobField::Gpus), QStringLiteral("1"));
        QCOMPARE(units::parseDurationSeconds(result.value(JobField::TimeLimit)), 3600);
        QCOMPARE(result.value(JobField::MemoryPerCpu), QStringLiteral("5G"));
        QCOMPARE(result.value(JobField::Output), QStringLiteral("gpu_%j.out"));
        // CRLF endings survive, and -B/-N (mail) are listed as not translated.
        QVERIFY(result.text().contains(u"\r\n"));
        QVERIFY2(slurm.notes.join(u'\n').contains(u"#BSUB -B\": not translated"), qPrintable(slurm.notes.join(u'\n')));
        QVERIFY(JobScriptValidator::check(result).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobScript)
#include "tst_jobscript.moc"
