// Command vcsim starts the govmomi vCenter simulator with an inventory sized by flags, for the vCenter plugin's
// tests. It prints one line "VCSIM_URL <url> VCSIM_CERT <pem file>" once it serves, and stops when stdin closes
// or it is killed.
//
// Two things are added to the packaged simulator (govmomi 0.24):
//   - guest data (host name, IPs with prefix, tools status) on every -guest-every'th VM, a unicode VM name and
//     host serial numbers, so the plugin's mapping can be asserted;
//   - paging of RetrievePropertiesEx by options.maxObjects and ContinueRetrievePropertiesEx, which this
//     simulator version does not implement but every real vCenter does.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// UnicodeName is given to the first VM (by name order).
const UnicodeName = "Grüße-数据库-ø1"

func main() {
	clusters := flag.Int("clusters", 1, "clusters in the datacenter")
	hosts := flag.Int("hosts", 2, "hosts per cluster")
	vms := flag.Int("vms", 2, "VMs per host (created in the cluster's root pool: clusters*hosts*vms in all)")
	port := flag.Int("port", 0, "port on 127.0.0.1 (0 = any free port)")
	username := flag.String("username", "user", "accepted user name")
	password := flag.String("password", "pass", "accepted password")
	guestEvery := flag.Int("guest-every", 2, "give every n-th VM guest host name and IPs (0 = none)")
	folders := flag.Int("folders", 1, "put the datacenter in a folder F0 and its hosts, VMs and networks in sub-folders F0 (0 = top level)")
	flag.Parse()
	log.SetOutput(ioutil.Discard) // the simulator logs every unknown method; keep stdout/stderr for us

	model := simulator.VPX()
	model.Datacenter = 1
	model.Folder = *folders
	model.Cluster = *clusters
	model.ClusterHost = *hosts
	model.Host = 0
	model.Machine = *hosts * *vms
	model.Portgroup = 1
	model.Datastore = 1
	model.Autostart = false
	if err := model.Create(); err != nil {
		fmt.Fprintln(os.Stderr, "model:", err)
		os.Exit(2)
	}
	defer model.Remove()

	decorateHosts()
	decorateVMs(*guestEvery)
	installPaging(model.ServiceContent.PropertyCollector)

	model.Service.Listen = &url.URL{Host: "127.0.0.1:" + strconv.Itoa(*port), User: url.UserPassword(*username, *password)}
	model.Service.TLS = new(tls.Config)
	server := model.Service.NewServer()
	defer server.Close()
	cert, err := server.CertificateFile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "certificate:", err)
		os.Exit(2)
	}
	defer os.Remove(cert)

	u := *server.URL
	u.User = nil
	fmt.Printf("VCSIM_URL %s VCSIM_CERT %s\n", u.String(), cert)

	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(ioutil.Discard, os.Stdin)
		close(done)
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	select {
	case <-done:
	case <-sig:
	}
}

// decorateHosts gives even hosts a serialNumber; odd ones keep only the ServiceTag of otherIdentifyingInfo.
func decorateHosts() {
	hosts := simulator.Map.All("HostSystem")
	sort.Slice(hosts, func(i, j int) bool { return hosts[i].Entity().Name < hosts[j].Entity().Name })
	for i, e := range hosts {
		h := e.(*simulator.HostSystem)
		if i%2 == 0 {
			h.Hardware.SystemInfo.SerialNumber = fmt.Sprintf("SN-%04d", i)
		}
	}
}

// decorateVMs sets power states, what VMware Tools would report on some VMs, and a unicode name on the first one.
func decorateVMs(every int) {
	all := simulator.Map.All("VirtualMachine")
	sort.Slice(all, func(i, j int) bool { return all[i].Entity().Name < all[j].Entity().Name })
	for i, e := range all {
		vm := e.(*simulator.VirtualMachine)
		if i%10 != 9 { // most VMs run, as in a real estate
			vm.Runtime.PowerState = types.VirtualMachinePowerStatePoweredOn
			vm.Summary.Runtime.PowerState = types.VirtualMachinePowerStatePoweredOn
		}
		if i == 0 {
			vm.Name = UnicodeName
			vm.Config.Name = UnicodeName
			vm.Summary.Config.Name = UnicodeName
		}
		if every <= 0 || i%every != 0 || len(vm.Guest.Net) == 0 {
			vm.Guest.ToolsStatus = types.VirtualMachineToolsStatusToolsNotRunning
			vm.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning)
			continue
		}
		host := strings.ToLower(strings.ReplaceAll(vm.Name, "_", "-")) + ".lab.example"
		v4 := fmt.Sprintf("10.%d.%d.%d", 20+i/65536%200, i/256%256, i%256)
		v6 := fmt.Sprintf("2001:db8::%x", i+1)
		vm.Guest.HostName = host
		vm.Guest.IpAddress = v4
		vm.Guest.ToolsStatus = types.VirtualMachineToolsStatusToolsOk
		vm.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsRunning)
		nic := &vm.Guest.Net[0]
		nic.IpAddress = []string{v4, v6, "fe80::1"}
		nic.IpConfig = &types.NetIpConfigInfo{IpAddress: []types.NetIpConfigInfoIpAddress{
			{IpAddress: v4, PrefixLength: 24, State: "preferred"},
			{IpAddress: v6, PrefixLength: 64, State: "preferred"},
			{IpAddress: "fe80::1", PrefixLength: 64, State: "preferred"},
		}}
		vm.Summary.Guest.HostName = host
		vm.Summary.Guest.IpAddress = v4
	}
}

// pagingCollector adds maxObjects paging to the simulator's PropertyCollector. The simulator creates one
// instance per session by reflection, so it holds no state of its own: pending pages live in pending.
type pagingCollector struct {
	simulator.PropertyCollector
}

type remainder struct {
	objects []types.ObjectContent
	max     int
}

var pending = struct {
	sync.Mutex
	next int
	left map[string]remainder
}{left: map[string]remainder{}}

func installPaging(ref types.ManagedObjectReference) {
	pc := &pagingCollector{}
	pc.Self = ref
	simulator.Map.Put(pc)
}

func page(objects []types.ObjectContent, max int) *types.RetrieveResult {
	if max <= 0 || len(objects) <= max {
		return &types.RetrieveResult{Objects: objects}
	}
	pending.Lock()
	defer pending.Unlock()
	pending.next++
	token := strconv.Itoa(pending.next)
	pending.left[token] = remainder{objects: objects[max:], max: max}
	return &types.RetrieveResult{Token: token, Objects: objects[:max]}
}

func (pc *pagingCollector) RetrievePropertiesEx(ctx *simulator.Context, r *types.RetrievePropertiesEx) soap.HasFault {
	res := pc.PropertyCollector.RetrievePropertiesEx(ctx, r)
	body, ok := res.(*methods.RetrievePropertiesExBody)
	if !ok || body.Res == nil || body.Res.Returnval == nil {
		return res
	}
	if len(body.Res.Returnval.Objects) == 0 {
		body.Res.Returnval = nil // as vCenter: no returnval when nothing matched
		return body
	}
	body.Res.Returnval = page(body.Res.Returnval.Objects, int(r.Options.MaxObjects))
	return body
}

func (pc *pagingCollector) ContinueRetrievePropertiesEx(ctx *simulator.Context, r *types.ContinueRetrievePropertiesEx) soap.HasFault {
	body := &methods.ContinueRetrievePropertiesExBody{}
	pending.Lock()
	rest, ok := pending.left[r.Token]
	delete(pending.left, r.Token)
	pending.Unlock()
	if !ok {
		body.Fault_ = simulator.Fault("unknown token", &types.InvalidArgument{InvalidProperty: "token"})
		return body
	}
	body.Res = &types.ContinueRetrievePropertiesExResponse{Returnval: *page(rest.objects, rest.max)}
	return body
}
