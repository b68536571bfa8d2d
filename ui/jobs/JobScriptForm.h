// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobscripts/JobField.h"
#include "app/jobscripts/JobScript.h"
#include "app/schedulers/ClusterResources.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace ui {

// The job script as a form: one widget per field, filled from a JobScript and saying each change
// as a field value in Slurm's spelling (the script model turns it into the dialect's). The pickers
// are filled from what the connected cluster offers. A widget being typed in is never overwritten.
class JobScriptForm : public QWidget
{
    Q_OBJECT

public:
    explicit JobScriptForm(QWidget *parent = nullptr);

    void setScript(const app::JobScript &script);
    void setResources(const app::ClusterResources &resources);

    // For tests and the editor: the widget that edits a field (for Gpus, the count).
    QWidget *fieldWidget(app::JobField field) const;
    QSpinBox *gpuCount() const { return m_gpuCount; }
    QComboBox *partition() const { return m_partition; }

Q_SIGNALS:
    void edited(app::JobField field, const QString &value);
    void moduleAdded(const QString &module);
    void moduleRemoved(const QString &module);

private:
    QLineEdit *addLine(app::JobField field, const QString &placeholder);
    QSpinBox *addCount(app::JobField field, int maximum);
    QComboBox *addPicker(app::JobField field);
    void emitGpus();
    void emitMemory();
    void emitMail();
    void updatePartitionInfo();
    void setText(QWidget *widget, const QString &text);

    app::ClusterResources m_resources;
    app::JobScript m_script;
    QHash<app::JobField, QWidget *> m_widgets;
    QComboBox *m_partition;
    QLabel *m_partitionInfo;
    QLineEdit *m_memory;
    QComboBox *m_memoryPer;
    QSpinBox *m_gpuCount;
    QComboBox *m_gpuType;
    QCheckBox *m_mailBegin;
    QCheckBox *m_mailEnd;
    QCheckBox *m_mailFail;
    QCheckBox *m_exclusive;
    QListWidget *m_modules;
    QComboBox *m_moduleToAdd;
    QLabel *m_timeInfo;
};

} // namespace ui
