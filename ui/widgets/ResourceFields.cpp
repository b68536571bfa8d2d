// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/ResourceFields.h"

#include "app/schedulers/ResourceUnits.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace ui {

QComboBox *editablePicker(QWidget *parent, const QString &placeholder)
{
    auto *picker = new QComboBox(parent);
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    picker->lineEdit()->setPlaceholderText(placeholder);
    return picker;
}

QLabel *infoLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

void refillPicker(QComboBox *picker, const QStringList &items)
{
    const QString current = picker->currentText();
    picker->clear();
    picker->addItem(QString());
    picker->addItems(items);
    picker->setEditText(current);
}

ResourceFields::ResourceFields(QFormLayout *form, QWidget *owner)
    : QObject(owner)
    , m_partition(editablePicker(owner, tr("the cluster's default")))
    , m_partitionInfo(infoLabel(owner))
    , m_time(new QLineEdit(QStringLiteral("02:00:00"), owner))
    , m_timeInfo(infoLabel(owner))
    , m_cpus(new QSpinBox(owner))
    , m_memory(new QLineEdit(owner))
    , m_gpuCount(new QSpinBox(owner))
    , m_gpuType(editablePicker(owner, tr("any type")))
    , m_account(editablePicker(owner, tr("your default")))
    , m_qos(editablePicker(owner, tr("the default")))
{
    m_partition->setObjectName(QStringLiteral("partition"));
    form->addRow(tr("&Partition:"), m_partition);
    form->addRow(QString(), m_partitionInfo);

    m_time->setObjectName(QStringLiteral("time"));
    m_time->setPlaceholderText(tr("hours:minutes:seconds"));
    form->addRow(tr("&Time:"), m_time);
    form->addRow(QString(), m_timeInfo);

    m_cpus->setObjectName(QStringLiteral("cpus"));
    m_cpus->setRange(1, 4096);
    form->addRow(tr("&CPUs:"), m_cpus);
    m_memory->setObjectName(QStringLiteral("memory"));
    m_memory->setPlaceholderText(tr("e.g. 8G; empty: the partition's default"));
    form->addRow(tr("&Memory:"), m_memory);

    auto *gpus = new QWidget(owner);
    auto *gpuRow = new QHBoxLayout(gpus);
    gpuRow->setContentsMargins(0, 0, 0, 0);
    m_gpuCount->setObjectName(QStringLiteral("gpuCount"));
    m_gpuCount->setRange(0, 64);
    m_gpuCount->setSpecialValueText(tr("none"));
    m_gpuType->setObjectName(QStringLiteral("gpuType"));
    gpuRow->addWidget(m_gpuCount);
    gpuRow->addWidget(m_gpuType, 1);
    form->addRow(tr("&GPUs:"), gpus);

    m_account->setObjectName(QStringLiteral("account"));
    form->addRow(tr("&Account:"), m_account);
    m_qos->setObjectName(QStringLiteral("qos"));
    form->addRow(tr("&QoS:"), m_qos);

    const auto changed = [this] {
        updateInfo();
        Q_EMIT edited();
    };
    connect(m_partition, &QComboBox::currentTextChanged, this, changed);
    connect(m_time, &QLineEdit::textChanged, this, changed);
    connect(m_cpus, &QSpinBox::valueChanged, this, changed);
    connect(m_memory, &QLineEdit::textChanged, this, changed);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, changed);
    connect(m_gpuType, &QComboBox::currentTextChanged, this, changed);
    connect(m_account, &QComboBox::currentTextChanged, this, changed);
    connect(m_qos, &QComboBox::currentTextChanged, this, changed);
    updateInfo();
}

ResourceFields::Values ResourceFields::values() const
{
    Values values;
    values.partition = m_partition->currentText().trimmed();
    values.timeLimit = m_time->text().trimmed();
    values.cpus = m_cpus->value();
    values.memory = m_memory->text().trimmed();
    const QString type = m_gpuType->currentText().trimmed();
    if (m_gpuCount->value() > 0)
        values.gpus = type.isEmpty() ? QString::number(m_gpuCount->value())
                                     : type + u':' + QString::number(m_gpuCount->value());
    values.account = m_account->currentText().trimmed();
    values.qos = m_qos->currentText().trimmed();
    return values;
}

void ResourceFields::setValues(const Values &values)
{
    m_partition->setEditText(values.partition);
    m_time->setText(values.timeLimit);
    m_cpus->setValue(values.cpus);
    m_memory->setText(values.memory);
    const QString type = values.gpus.contains(u':') ? values.gpus.section(u':', 0, -2) : QString();
    m_gpuCount->setValue(values.gpus.isEmpty() ? 0 : values.gpus.section(u':', -1).toInt());
    m_gpuType->setEditText(type);
    m_account->setEditText(values.account);
    m_qos->setEditText(values.qos);
    updateInfo();
}

void ResourceFields::setResources(const app::ClusterResources &resources)
{
    m_resources = resources;
    const QString partition = m_partition->currentText();
    m_partition->clear();
    m_partition->addItem(QString());
    for (const app::Partition &p : resources.partitions)
        m_partition->addItem(p.name);
    m_partition->setEditText(partition);
    refillPicker(m_gpuType, resources.gpuTypes());
    refillPicker(m_account, resources.accounts());
    refillPicker(m_qos, resources.qos());
    updateInfo();
}

void ResourceFields::updateInfo()
{
    const QString name = m_partition->currentText().trimmed();
    const app::Partition *partition = name.isEmpty() ? m_resources.defaultPartition() : m_resources.partition(name);
    if (partition)
        m_partitionInfo->setText(name.isEmpty() ? tr("Default: %1 · %2").arg(partition->name, partition->summary())
                                                : partition->summary());
    else
        m_partitionInfo->setText(
            m_resources.partitions.isEmpty() || name.isEmpty() ? QString() : tr("Not a partition of this cluster."));
    m_partitionInfo->setVisible(!m_partitionInfo->text().isEmpty());
    const auto seconds = app::units::parseDurationSeconds(m_time->text().trimmed());
    m_timeInfo->setText(seconds && *seconds > 0 ? tr("= %1").arg(app::units::describeDuration(*seconds)) : QString());
    m_timeInfo->setVisible(!m_timeInfo->text().isEmpty());
}

QString ResourceFields::problem() const
{
    const QString time = m_time->text().trimmed();
    const auto seconds = app::units::parseDurationSeconds(time);
    if (time.isEmpty() || !seconds || *seconds <= 0)
        return tr("Give a time such as 2:00:00 (hours:minutes:seconds) or 1-00:00:00 (a day).");
    const QString name = m_partition->currentText().trimmed();
    const app::Partition *partition = name.isEmpty() ? m_resources.defaultPartition() : m_resources.partition(name);
    if (partition && partition->maxTimeSeconds && *seconds > *partition->maxTimeSeconds)
        return tr("%1 allows at most %2.")
            .arg(partition->name, app::units::describeDuration(*partition->maxTimeSeconds));
    if (partition && m_gpuCount->value() > 0 && partition->gpuTotal() == 0)
        return tr("%1 has no GPUs.").arg(partition->name);
    return {};
}

} // namespace ui
