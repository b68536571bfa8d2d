// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/schedulers/ClusterResources.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ui {

// What a job asks for, as rows of a form: partition (with its limits shown under it), time, CPUs,
// memory, GPUs (count and type), account and QoS. Pickers are filled from what the connected cluster
// offers; nothing typed is overwritten by them. Values use Slurm's spelling whatever the scheduler.
// The Jupyter form and the interactive allocation form both start with these rows.
class ResourceFields : public QObject
{
    Q_OBJECT

public:
    struct Values
    {
        QString partition;
        QString timeLimit;
        int cpus = 1;
        QString memory;
        QString gpus; // "", "2", "a100:2"
        QString account;
        QString qos;
    };

    // Adds the rows to form; the widgets belong to form's widget.
    ResourceFields(QFormLayout *form, QWidget *owner);

    Values values() const;
    void setValues(const Values &values);
    void setResources(const app::ClusterResources &resources);
    const app::ClusterResources &resources() const { return m_resources; }
    // Why the values cannot be used (an unreadable time, beyond the partition's limit, GPUs where
    // there are none); empty if fine.
    QString problem() const;

Q_SIGNALS:
    void edited();

private:
    void updateInfo();

    app::ClusterResources m_resources;
    QComboBox *m_partition;
    QLabel *m_partitionInfo;
    QLineEdit *m_time;
    QLabel *m_timeInfo;
    QSpinBox *m_cpus;
    QLineEdit *m_memory;
    QSpinBox *m_gpuCount;
    QComboBox *m_gpuType;
    QComboBox *m_account;
    QComboBox *m_qos;
};

// An editable picker with a placeholder, and a quiet line of information under a field.
QComboBox *editablePicker(QWidget *parent, const QString &placeholder);
QLabel *infoLabel(QWidget *parent);
// Fills a picker with items, keeping what is typed or chosen.
void refillPicker(QComboBox *picker, const QStringList &items);

} // namespace ui
