#!/bin/sh
# run inside xvfb-run: start the installed launcher; wait for its "window shown" log line, then check 15 s later
# that it still lives and that its window is mapped at full size
rm -f /tmp/gui-app.log; : > /tmp/gui-app.log
"/opt/mtl-workbench/bin/MTL Workbench" >> /tmp/gui-app.log 2>&1 &
pid=$!
t=0
while [ $t -lt 180 ] && ! grep -q "workbench window shown" /tmp/gui-app.log; do sleep 1; t=$((t+1)); done
echo "log line after ${t} s: $(grep 'workbench window shown' /tmp/gui-app.log)"
sleep 15
if kill -0 $pid 2>/dev/null; then echo "alive 15 s later (pid $pid)"; else echo "DIED"; fi
xwininfo -root -tree | grep -i "workbench"
kill $pid; wait $pid 2>/dev/null
