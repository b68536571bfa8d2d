// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/jobs/JobScriptForm.h"

#include "app/schedulers/ResourceUnits.h"
#include "ui/widgets/Fonts.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

using app::JobField;

namespace ui {

namespace {

bool isBeingEdited(QWidget *widget)
{
    return widget->hasFocus() || (widget->focusProxy() && widget->focusProxy()->hasFocus())
           || widget->isAncestorOf(QApplication::focusWidget());
}

} // namespace

JobScriptForm::JobScriptForm(QWidget *parent)
    : QWidget(parent)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(12, 8, 12, 8);
    // One form for every section, so that the labels line up.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    column->addLayout(form);
    const auto section = [&](const QString &title) {
        auto *heading = new QLabel(title, content);
        makeHeading(heading, 1.0, QFont::DemiBold);
        if (form->rowCount() > 0)
            heading->setContentsMargins(0, 10, 0, 0);
        form->addRow(heading);
    };
    const auto row = [&](JobField field, QWidget *widget) { form->addRow(app::jobFieldName(field) + u':', widget); };

    section(tr("Job"));
    row(JobField::Name, addLine(JobField::Name, tr("a short name, shown in the queue")));
    m_partition = addPicker(JobField::Partition);
    row(JobField::Partition, m_partition);
    m_partitionInfo = new QLabel(content);
    m_partitionInfo->setObjectName(QStringLiteral("partitionInfo"));
    m_partitionInfo->setWordWrap(true);
    m_partitionInfo->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_partitionInfo);
    row(JobField::Account, addPicker(JobField::Account));
    row(JobField::Qos, addPicker(JobField::Qos));

    section(tr("Resources"));
    row(JobField::TimeLimit, addLine(JobField::TimeLimit, tr("hours:minutes:seconds, or days-hours:minutes:seconds")));
    m_timeInfo = new QLabel(content);
    m_timeInfo->setObjectName(QStringLiteral("timeInfo"));
    m_timeInfo->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_timeInfo);
    row(JobField::Nodes, addCount(JobField::Nodes, 100000));
    row(JobField::Tasks, addCount(JobField::Tasks, 1000000));
    row(JobField::CpusPerTask, addCount(JobField::CpusPerTask, 4096));
    m_memory = new QLineEdit(content);
    m_memory->setObjectName(QStringLiteral("Memory"));
    m_memory->setPlaceholderText(tr("e.g. 8G or 500M"));
    m_memoryPer = new QComboBox(content);
    m_memoryPer->setObjectName(QStringLiteral("memoryPer"));
    m_memoryPer->addItems({tr("per node"), tr("per CPU")});
    m_widgets.insert(JobField::Memory, m_memory);
    auto *memoryRow = new QHBoxLayout;
    memoryRow->addWidget(m_memory, 1);
    memoryRow->addWidget(m_memoryPer);
    form->addRow(tr("Memory:"), memoryRow);
    connect(m_memory, &QLineEdit::textEdited, this, &JobScriptForm::emitMemory);
    connect(m_memoryPer, &QComboBox::activated, this, &JobScriptForm::emitMemory);
    m_gpuCount = addCount(JobField::Gpus, 64);
    m_gpuCount->setSpecialValueText(tr("none"));
    m_gpuType = new QComboBox(content);
    m_gpuType->setObjectName(QStringLiteral("gpuType"));
    m_gpuType->setEditable(true);
    m_gpuType->lineEdit()->setPlaceholderText(tr("any type"));
    disconnect(m_gpuCount, nullptr, this, nullptr);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, &JobScriptForm::emitGpus);
    connect(m_gpuType, &QComboBox::activated, this, &JobScriptForm::emitGpus);
    connect(m_gpuType->lineEdit(), &QLineEdit::textEdited, this, &JobScriptForm::emitGpus);
    auto *gpuRow = new QHBoxLayout;
    gpuRow->addWidget(m_gpuCount);
    gpuRow->addWidget(m_gpuType, 1);
    form->addRow(tr("GPUs:"), gpuRow);

    section(tr("Arrays and order"));
    row(JobField::Array, addLine(JobField::Array, tr("e.g. 1-100, 1,3,5 or 0-99%10 (at most 10 at once)")));
    row(JobField::Dependency, addLine(JobField::Dependency, tr("e.g. afterok:1234")));

    section(tr("Files"));
    row(JobField::WorkDirectory,
        addLine(JobField::WorkDirectory, tr("the folder the job starts in (default: where it is submitted)")));
    row(JobField::Output, addLine(JobField::Output, tr("%x name, %j job id, %A_%a array job and task")));
    row(JobField::Error, addLine(JobField::Error, tr("the same file as the output when empty")));

    section(tr("Notifications and placement"));
    m_mailBegin = new QCheckBox(tr("Begins"), content);
    m_mailEnd = new QCheckBox(tr("Ends"), content);
    m_mailFail = new QCheckBox(tr("Fails"), content);
    auto *mailRow = new QHBoxLayout;
    for (QCheckBox *box : {m_mailBegin, m_mailEnd, m_mailFail}) {
        mailRow->addWidget(box);
        connect(box, &QCheckBox::clicked, this, &JobScriptForm::emitMail);
    }
    mailRow->addStretch(1);
    m_widgets.insert(JobField::MailType, m_mailBegin);
    form->addRow(tr("Mail when it:"), mailRow);
    row(JobField::MailUser, addLine(JobField::MailUser, tr("your address (default: your account)")));
    row(JobField::Constraint, addLine(JobField::Constraint, tr("node features, e.g. a100&ib")));
    m_exclusive = new QCheckBox(tr("Whole nodes, shared with no other job"), content);
    m_exclusive->setObjectName(QStringLiteral("Exclusive"));
    m_widgets.insert(JobField::Exclusive, m_exclusive);
    connect(m_exclusive, &QCheckBox::clicked, this,
            [this](bool on) { Q_EMIT edited(JobField::Exclusive, on ? QStringLiteral("yes") : QString()); });
    form->addRow(QString(), m_exclusive);

    section(tr("Modules"));
    m_modules = new QListWidget(content);
    m_modules->setObjectName(QStringLiteral("modules"));
    m_modules->setMaximumHeight(fontMetrics().height() * 6);
    m_moduleToAdd = new QComboBox(content);
    m_moduleToAdd->setObjectName(QStringLiteral("moduleToAdd"));
    m_moduleToAdd->setEditable(true);
    m_moduleToAdd->setInsertPolicy(QComboBox::NoInsert);
    m_moduleToAdd->lineEdit()->setPlaceholderText(tr("module to load, e.g. python/3.12"));
    m_moduleToAdd->completer()->setFilterMode(Qt::MatchContains);
    m_moduleToAdd->completer()->setCompletionMode(QCompleter::PopupCompletion);
    auto *add = new QPushButton(tr("Load"), content);
    auto *remove = new QPushButton(tr("Remove"), content);
    remove->setEnabled(false);
    const auto addModule = [this] {
        const QString module = m_moduleToAdd->currentText().trimmed();
        if (module.isEmpty() || module.contains(u' '))
            return;
        m_moduleToAdd->setEditText(QString());
        Q_EMIT moduleAdded(module);
    };
    connect(add, &QPushButton::clicked, this, addModule);
    connect(m_moduleToAdd->lineEdit(), &QLineEdit::returnPressed, this, addModule);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_modules->currentItem())
            Q_EMIT moduleRemoved(item->text());
    });
    connect(m_modules, &QListWidget::currentItemChanged, remove,
            [remove](QListWidgetItem *item) { remove->setEnabled(item != nullptr); });
    auto *moduleRow = new QHBoxLayout;
    moduleRow->addWidget(m_moduleToAdd, 1);
    moduleRow->addWidget(add);
    moduleRow->addWidget(remove);
    form->addRow(m_modules);
    form->addRow(moduleRow);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 40);
}

QLineEdit *JobScriptForm::addLine(JobField field, const QString &placeholder)
{
    auto *line = new QLineEdit(this);
    line->setObjectName(app::jobFieldName(field));
    line->setPlaceholderText(placeholder);
    line->setClearButtonEnabled(true);
    m_widgets.insert(field, line);
    connect(line, &QLineEdit::textEdited, this,
            [this, field](const QString &text) { Q_EMIT edited(field, text.trimmed()); });
    connect(line, &QLineEdit::textChanged, this, [this, field, line](const QString &text) {
        // The clear button empties the line without an edit.
        if (text.isEmpty() && line->hasFocus())
            Q_EMIT edited(field, QString());
    });
    return line;
}

QSpinBox *JobScriptForm::addCount(JobField field, int maximum)
{
    auto *count = new QSpinBox(this);
    count->setObjectName(app::jobFieldName(field));
    count->setRange(0, maximum);
    count->setSpecialValueText(tr("not set"));
    count->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("not set")) + 48);
    m_widgets.insert(field, count);
    connect(count, &QSpinBox::valueChanged, this,
            [this, field](int value) { Q_EMIT edited(field, value == 0 ? QString() : QString::number(value)); });
    return count;
}

QComboBox *JobScriptForm::addPicker(JobField field)
{
    auto *picker = new QComboBox(this);
    picker->setObjectName(app::jobFieldName(field));
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    picker->lineEdit()->setPlaceholderText(tr("the cluster's default"));
    m_widgets.insert(field, picker);
    connect(picker, &QComboBox::activated, this, [this, field, picker](int index) {
        Q_EMIT edited(field, picker->itemData(index).toString());
        if (field == JobField::Partition)
            updatePartitionInfo();
    });
    connect(picker->lineEdit(), &QLineEdit::textEdited, this, [this, field](const QString &text) {
        Q_EMIT edited(field, text.trimmed());
        if (field == JobField::Partition)
            updatePartitionInfo();
    });
    return picker;
}

QWidget *JobScriptForm::fieldWidget(JobField field) const
{
    return m_widgets.value(field);
}

void JobScriptForm::emitGpus()
{
    const int count = m_gpuCount->value();
    const QString type = m_gpuType->currentText().trimmed();
    Q_EMIT edited(JobField::Gpus, count == 0       ? QString()
                                  : type.isEmpty() ? QString::number(count)
                                                   : type + u':' + QString::number(count));
}

void JobScriptForm::emitMemory()
{
    const bool perCpu = m_memoryPer->currentIndex() == 1;
    const QString value = m_memory->text().trimmed();
    // One of the two at a time: the other is removed.
    Q_EMIT edited(perCpu ? JobField::Memory : JobField::MemoryPerCpu, QString());
    Q_EMIT edited(perCpu ? JobField::MemoryPerCpu : JobField::Memory, value);
}

void JobScriptForm::emitMail()
{
    QStringList events;
    if (m_mailBegin->isChecked())
        events.append(QStringLiteral("BEGIN"));
    if (m_mailEnd->isChecked())
        events.append(QStringLiteral("END"));
    if (m_mailFail->isChecked())
        events.append(QStringLiteral("FAIL"));
    Q_EMIT edited(JobField::MailType, events.join(u','));
}

void JobScriptForm::setText(QWidget *widget, const QString &text)
{
    if (isBeingEdited(widget))
        return;
    const QSignalBlocker blocker(widget);
    if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        if (line->text() != text)
            line->setText(text);
    } else if (auto *picker = qobject_cast<QComboBox *>(widget)) {
        const QSignalBlocker lineBlocker(picker->lineEdit());
        const int index = picker->findData(text);
        if (index >= 0)
            picker->setCurrentIndex(index);
        else
            picker->setEditText(text);
    } else if (auto *count = qobject_cast<QSpinBox *>(widget)) {
        bool number = false;
        const int value = text.toInt(&number);
        count->setValue(number ? value : 0);
    }
}

void JobScriptForm::setScript(const app::JobScript &script)
{
    m_script = script;
    for (JobField field :
         {JobField::Name, JobField::Partition, JobField::Account, JobField::Qos, JobField::TimeLimit, JobField::Nodes,
          JobField::Tasks, JobField::CpusPerTask, JobField::Array, JobField::Output, JobField::Error,
          JobField::WorkDirectory, JobField::Dependency, JobField::MailUser, JobField::Constraint})
        setText(m_widgets.value(field), script.value(field));

    const bool perCpu = script.value(JobField::Memory).isEmpty() && !script.value(JobField::MemoryPerCpu).isEmpty();
    if (!isBeingEdited(m_memory) && !isBeingEdited(m_memoryPer)) {
        const QSignalBlocker blocker(m_memoryPer);
        m_memoryPer->setCurrentIndex(perCpu ? 1 : 0);
        setText(m_memory, script.value(perCpu ? JobField::MemoryPerCpu : JobField::Memory));
    }

    const QString gpus = script.value(JobField::Gpus);
    const qsizetype colon = gpus.lastIndexOf(u':');
    if (!isBeingEdited(m_gpuCount) && !isBeingEdited(m_gpuType)) {
        const QSignalBlocker countBlocker(m_gpuCount);
        const QSignalBlocker typeBlocker(m_gpuType->lineEdit());
        m_gpuCount->setValue(gpus.isEmpty() ? 0 : gpus.mid(colon + 1).toInt());
        m_gpuType->setEditText(colon < 0 ? QString() : gpus.left(colon));
    }

    const QStringList events = script.value(JobField::MailType).toUpper().split(u',', Qt::SkipEmptyParts);
    const bool all = events.contains(QStringLiteral("ALL"));
    m_mailBegin->setChecked(all || events.contains(QStringLiteral("BEGIN")));
    m_mailEnd->setChecked(all || events.contains(QStringLiteral("END")));
    m_mailFail->setChecked(all || events.contains(QStringLiteral("FAIL")));
    m_exclusive->setChecked(!script.value(JobField::Exclusive).isEmpty());

    const QStringList modules = script.environment().modules;
    QStringList shown;
    for (int i = 0; i < m_modules->count(); ++i)
        shown.append(m_modules->item(i)->text());
    if (shown != modules) {
        m_modules->clear();
        m_modules->addItems(modules);
    }
    updatePartitionInfo();
}

void JobScriptForm::setResources(const app::ClusterResources &resources)
{
    m_resources = resources;
    const QSignalBlocker blocker(m_partition);
    m_partition->clear();
    for (const app::Partition &partition : resources.partitions) {
        m_partition->addItem(partition.isDefault ? tr("%1 (default)").arg(partition.name) : partition.name,
                             partition.name);
        m_partition->setItemData(m_partition->count() - 1, partition.name, Qt::ToolTipRole);
    }
    const auto fill = [](QComboBox *picker, const QStringList &items) {
        const QSignalBlocker pickerBlocker(picker);
        picker->clear();
        for (const QString &item : items)
            picker->addItem(item, item);
    };
    fill(qobject_cast<QComboBox *>(m_widgets.value(JobField::Account)), resources.accounts());
    fill(qobject_cast<QComboBox *>(m_widgets.value(JobField::Qos)), resources.qos());
    fill(m_gpuType, resources.gpuTypes());
    fill(m_moduleToAdd, resources.modules);
    m_moduleToAdd->setEditText(QString());
    setScript(m_script); // the pickers' texts again
}

void JobScriptForm::updatePartitionInfo()
{
    const QString name = m_partition->currentText().section(u' ', 0, 0);
    const app::Partition *partition = name.isEmpty() ? m_resources.defaultPartition() : m_resources.partition(name);
    const qint64 seconds = app::units::parseDurationSeconds(m_script.value(JobField::TimeLimit)).value_or(-1);
    m_timeInfo->setText(seconds >= 0 ? tr("= %1").arg(app::units::describeDuration(seconds)) : QString());
    m_timeInfo->setVisible(seconds >= 0);
    if (!partition) {
        m_partitionInfo->setText(m_resources.partitions.isEmpty() ? QString() : tr("Not a partition of this cluster."));
        m_partitionInfo->setVisible(!m_resources.partitions.isEmpty());
        return;
    }
    m_partitionInfo->setText(name.isEmpty() ? tr("Default: %1 · %2").arg(partition->name, partition->summary())
                                            : partition->summary());
    m_partitionInfo->setVisible(true);
}

} // namespace ui
